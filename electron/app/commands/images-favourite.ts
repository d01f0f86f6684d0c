import { getImage, imageView } from '../pipeline/project/images';
import type { Handler } from './types';

export const imagesFavourite: Handler<'images.favourite'> = ({ id, favourite }, services) => {
  getImage(services, id);
  services.repos.images.setFavourite(id, favourite);
  return imageView(getImage(services, id));
};
