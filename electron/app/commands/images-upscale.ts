import { getImage } from '../pipeline/project/images';
import type { Handler } from './types';

export const imagesUpscale: Handler<'images.upscale'> = ({ imageId, target, model }, services) => {
  const image = getImage(services, imageId);
  return services.queue.enqueue('image.upscale', { projectId: image.projectId, input: { projectId: image.projectId, imageId, target, model } });
};
