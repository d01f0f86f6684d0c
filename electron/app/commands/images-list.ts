import { listImages } from '../pipeline/project/images';
import type { Handler } from './types';

export const imagesList: Handler<'images.list'> = (filter, services) => listImages(services, filter);
