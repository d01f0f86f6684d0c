import { getImage, imageView } from '../pipeline/project/images';
import type { Handler } from './types';

export const imagesRate: Handler<'images.rate'> = ({ id, rating }, services) => {
  getImage(services, id);
  services.repos.images.setRating(id, rating);
  return imageView(getImage(services, id));
};
