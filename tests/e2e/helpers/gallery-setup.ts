// Host setup for the gallery e2e: one project with 150 images (more than the gallery's first
// page of 120), each a small real JPEG with its thumbnail already made, except the newest one,
// whose thumbnail the gallery has to ask for.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { thumbnailRelPath } from '../../../electron/app/media/thumbnails';
import type { AppServices } from '../../../electron/app/services';

export const GALLERY_IMAGES = 150;
export const NO_THUMB_ID = `e2e-${GALLERY_IMAGES - 1}`;

export default async function setup(services: AppServices): Promise<void> {
  if (services.repos.projects.list().length > 0) return;
  const now = '2026-01-01T00:00:00.000Z';
  services.repos.projects.insert({ id: 'gallery-e2e', name: 'Gallery e2e', kind: 'couple', now });
  await services.folders.create('gallery-e2e');
  const dir = services.folders.pathOf('gallery-e2e');
  const jpeg = await sharp({ create: { width: 40, height: 50, channels: 3, background: '#c08040' } }).jpeg().toBuffer();
  const start = Date.parse(now);
  services.repos.db.transaction(() => {
    for (let i = 0; i < GALLERY_IMAGES; i++) {
      const id = `e2e-${i}`;
      const relPath = `outputs/e2e/${id}.jpg`;
      const files = id === NO_THUMB_ID ? [relPath] : [relPath, thumbnailRelPath(id)];
      for (const rel of files) {
        mkdirSync(dirname(join(dir, rel)), { recursive: true });
        writeFileSync(join(dir, rel), jpeg);
      }
      services.repos.images.insert({
        id, projectId: 'gallery-e2e', generationId: null, parentId: null, stage: 'draft', relPath, width: 40, height: 50, seed: i, theme: 'studio',
        recipe: null, identityScores: null, rating: null, favourite: false, createdAt: new Date(start + i * 1000).toISOString(),
      });
    }
  })();
}
