import { trashImage } from '../pipeline/project/images';
import type { Handler } from './types';

/** Undoable: `images.restore` with the same id brings the file and the row back. */
export const imagesDelete: Handler<'images.delete'> = async ({ id }, services) => {
  await trashImage(services, id);
  return { id };
};
