import { madeThumbnails, thumbnailRelPath } from '../media/thumbnails';
import { listImages } from '../pipeline/project/images';
import type { Handler } from './types';

/**
 * Each row says where its gallery thumbnail is when it has been made (one read of each project's
 * thumbs folder per call), so the gallery draws a screenful without an `images.thumbnails` round trip.
 */
export const imagesList: Handler<'images.list'> = (filter, services) => {
  const made = new Map<string, Set<string>>();
  return listImages(services, filter).map((image) => {
    let thumbs = made.get(image.projectId);
    if (thumbs === undefined) made.set(image.projectId, (thumbs = madeThumbnails(services.folders.pathOf(image.projectId))));
    const thumb = thumbnailRelPath(image.id);
    return { ...image, thumbPath: thumbs.has(thumb) ? thumb : null };
  });
};
