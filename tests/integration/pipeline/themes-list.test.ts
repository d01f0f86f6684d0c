// themes.list: every bundled theme with a preview of the sample couple, rendered once and
// then served from the cache.
import { statSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { listThemeIds } from '../../../themes/schema';
import { call, tempLibrary } from './helpers';

const lib = tempLibrary();
afterAll(() => lib.dispose());

describe('themes.list', () => {
  it('lists every theme with a cached preview image', async () => {
    const themes = await call(lib.services, 'themes.list', {});
    expect(themes.map((t) => t.id)).toEqual(listThemeIds());
    for (const t of themes) {
      expect(t.thumbnailPath).toMatch(new RegExp(`themes/${t.id}-[0-9a-f]{12}\\.jpg$`));
      const meta = await sharp(t.thumbnailPath!).metadata();
      expect(Math.min(meta.width!, meta.height!)).toBe(256);
      expect(t.thumbnailUrl!.startsWith('data:image/jpeg;base64,')).toBe(true);
    }
    // Previews differ between themes (each is really rendered in its own theme).
    expect(new Set(themes.map((t) => t.thumbnailUrl)).size).toBe(themes.length);
    const mtimes = themes.map((t) => statSync(t.thumbnailPath!).mtimeMs);
    const again = await call(lib.services, 'themes.list', {});
    expect(again.map((t) => statSync(t.thumbnailPath!).mtimeMs)).toEqual(mtimes);
  });
});
