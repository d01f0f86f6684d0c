// Which media responses a browser may keep without asking again.
import { parseMediaPath } from './path-guard';

/** Kept for a year without revalidating, in this browser's cache only: for files that never change under their name. */
export const CACHE_FOR_GOOD = 'private, max-age=31536000, immutable';

/** thumbs/<32 hex>.jpg: named by a hash of an image id, and an image's pixels never change under its id. */
const THUMBNAIL = /^thumbs\/[0-9a-f]{32}\.jpg$/;

/**
 * A year and `immutable` for thumbnails only: a gallery of 10,000 then paints from the browser's
 * cache without one revalidation round-trip per cell. Everything else (photos, drafts, overlays)
 * can be replaced in place, so it is revalidated every time. Private: these are people's photos,
 * for this browser's cache only.
 */
export function mediaCacheControl(rawPath: string): string {
  const parsed = parseMediaPath(rawPath);
  if ('refused' in parsed) return 'no-store';
  return THUMBNAIL.test(parsed.segments.join('/')) ? CACHE_FOR_GOOD : 'private, no-cache';
}
