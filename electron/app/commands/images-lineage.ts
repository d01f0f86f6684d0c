import { getImage, imageView } from '../pipeline/project/images';
import type { Handler } from './types';

export const imagesLineage: Handler<'images.lineage'> = ({ id }, services) => {
  getImage(services, id);
  return services.repos.images.lineage(id).map((r) => ({ ...imageView(r), recipe: r.recipe }));
};
