import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { thumbnailRelPath } from '../media/thumbnails';
import { listImages } from '../pipeline/project/images';
import type { Handler } from './types';

/**
 * Each row says where its gallery thumbnail is when it has been made (one stat per row, about a
 * microsecond), so the gallery draws a screenful without an `images.thumbnails` round trip.
 */
export const imagesList: Handler<'images.list'> = (filter, services) => {
  const folders = new Map<string, string>();
  return listImages(services, filter).map((image) => {
    let folder = folders.get(image.projectId);
    if (folder === undefined) folders.set(image.projectId, (folder = services.folders.pathOf(image.projectId)));
    const thumb = thumbnailRelPath(image.id);
    return { ...image, thumbPath: existsSync(join(folder, thumb)) ? thumb : null };
  });
};
