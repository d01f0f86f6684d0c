// Theme picker previews: each theme rendered small from the bundled sample couple, cached on
// disk under <data>/themes/ by a hash of the theme's values (an edited theme gets a new
// preview). The first call analyses the samples (~2 s); later calls only read files.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { renderThemeThumbnail } from '../../../../native/compose';
import type { Theme } from '../../../../themes/schema';
import { writeFileAtomic } from '../../files/atomic';
import type { AppServices } from '../../services';
import { analyzeForPortrait } from '../analyze';
import { encodeJpeg } from './photo-files';

export const THUMBNAIL_SHORT_SIDE = 256;

export function samplesDir(): string {
  return resolve(import.meta.dirname, '..', '..', '..', '..', 'resources', 'samples');
}

export function thumbnailFile(services: AppServices, theme: Theme): string {
  const hash = createHash('sha256').update(JSON.stringify(theme)).digest('hex').slice(0, 12);
  return join(services.dataDir, 'themes', `${theme.id}-${hash}.jpg`);
}

/** Renders the missing previews; returns each theme's file (null when the samples or models are missing). */
export async function ensureThumbnails(services: AppServices, themes: readonly Theme[]): Promise<(string | null)[]> {
  const files = themes.map((t) => thumbnailFile(services, t));
  const missing = themes.filter((_, i) => !existsSync(files[i]));
  if (missing.length === 0) return files;
  try {
    const models = await services.pipelineModels();
    const [a, b] = await Promise.all(['person-a.jpg', 'person-b.jpg'].map((f) => analyzeForPortrait(join(samplesDir(), f), { models })));
    const people = [a, b].map((p) => ({ photo: p.photo, face: p.face, matte: p.matte })) as Parameters<typeof renderThemeThumbnail>[1];
    for (const theme of missing) {
      const draft = renderThemeThumbnail(theme, people, THUMBNAIL_SHORT_SIDE);
      await writeFileAtomic(thumbnailFile(services, theme), await encodeJpeg(draft.image));
    }
    return files;
  } catch (error) {
    // Previews are a nicety: without the sample photos or the face models the picker shows names only.
    console.error('Pairlight: theme previews could not be rendered:', error);
    return files.map((f) => (existsSync(f) ? f : null));
  }
}

export async function dataUrl(file: string | null): Promise<string | null> {
  if (!file) return null;
  return `data:image/jpeg;base64,${(await readFile(file)).toString('base64')}`;
}
