import { imageView, restoreImage } from '../pipeline/project/images';
import type { Handler } from './types';

export const imagesRestore: Handler<'images.restore'> = async ({ id }, services) => imageView(await restoreImage(services, id));
