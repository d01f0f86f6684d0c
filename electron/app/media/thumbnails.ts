// Gallery thumbnails: one small JPEG per image, made the first time it is asked for and kept in
// the project's `thumbs/` folder, so the existing media route serves it (no wider guard) and the
// gallery never decodes a full-size or 4K file to draw a 200 px cell.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { writeFileAtomic } from '../files/atomic';
import type { AppServices } from '../services';

/** Long side in pixels: a grid cell is ~200 CSS px, so this stays sharp on a 2× display. */
export const THUMB_LONG_SIDE = 400;
const THUMB_QUALITY = 78;

/** The project's folder of thumbnails. */
const THUMBS_DIR = 'thumbs';

/** Named by a hash of the image id: ids may hold characters a media URL segment refuses (':'). */
export function thumbnailRelPath(imageId: string): string {
  return `${THUMBS_DIR}/${createHash('sha256').update(imageId).digest('hex').slice(0, 32)}.jpg`;
}

/**
 * The thumbnails made so far in a project folder, as the paths thumbnailRelPath names: one read
 * of the folder, for a whole list of images (empty when none has been made yet).
 */
export function madeThumbnails(projectDir: string): Set<string> {
  try {
    return new Set(readdirSync(join(projectDir, THUMBS_DIR)).map((name) => `${THUMBS_DIR}/${name}`));
  } catch {
    return new Set();
  }
}

export async function renderThumbnail(source: string): Promise<Buffer> {
  return sharp(source).resize(THUMB_LONG_SIDE, THUMB_LONG_SIDE, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: THUMB_QUALITY, mozjpeg: false }).toBuffer();
}

/**
 * The thumbnail's path inside the project folder, made now if missing; null when the image row
 * is gone (deleted meanwhile) or its file cannot be read: the cell then shows its placeholder.
 */
export async function ensureThumbnail(services: AppServices, imageId: string): Promise<string | null> {
  const image = services.repos.images.get(imageId);
  if (!image) return null;
  const projectDir = services.folders.pathOf(image.projectId);
  const relPath = thumbnailRelPath(imageId);
  const target = join(projectDir, relPath);
  if (existsSync(target)) return relPath;
  try {
    await writeFileAtomic(target, await renderThumbnail(join(projectDir, image.relPath)));
    return relPath;
  } catch (error) {
    console.error(`Pairlight: no thumbnail for image ${imageId}:`, error);
    return null;
  }
}
