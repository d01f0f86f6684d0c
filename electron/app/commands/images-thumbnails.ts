import { ensureThumbnail } from '../media/thumbnails';
import type { Handler } from './types';

// Two at a time: sharp already uses several threads per image, and the machine may be rendering.
const PARALLEL = 2;

/** Thumbnails of the images the gallery is about to show, made on first request, then read from disk. */
export const imagesThumbnails: Handler<'images.thumbnails'> = async ({ ids }, services) => {
  const out: { id: string; relPath: string | null }[] = ids.map((id) => ({ id, relPath: null }));
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const i = next++;
      out[i]!.relPath = await ensureThumbnail(services, ids[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, ids.length) }, worker));
  return out;
};
