import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { encodeWithRecipe, readRecipe } from '../../../native/recipe/embed';
import { crc32, readPngText, withPngText } from '../../../native/recipe/png-text';
import type { Image8 } from '../../../native/image/types';

function gradient(w: number, h: number): Image8 {
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = (y * w + x) * 3;
    data[i] = (x * 255) / (w - 1); data[i + 1] = (y * 255) / (h - 1); data[i + 2] = 128;
  }
  return { width: w, height: h, channels: 3, data };
}

const recipe = { theme: 'golden-hour', seed: 4242, note: 'ümlaut & <xml> "quotes"', inputs: ['a'.repeat(64)] };

describe('recipe embedding', () => {
  it('crc32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips through PNG iTXt, keeping pixels unchanged', async () => {
    const img = gradient(32, 24);
    const png = await encodeWithRecipe(img, recipe, { format: 'png' });
    expect(await readRecipe(png)).toEqual(recipe);
    const raw = await sharp(png).raw().toBuffer();
    expect(Buffer.compare(raw, Buffer.from(img.data))).toBe(0);
  });

  it('round-trips through JPEG XMP', async () => {
    const jpg = await encodeWithRecipe(gradient(32, 24), recipe, { format: 'jpeg' });
    expect(jpg[0]).toBe(0xff);
    expect(await readRecipe(jpg)).toEqual(recipe);
  });

  it('writes no recipe when embedding is off, and replaces rather than duplicates', async () => {
    const png = await encodeWithRecipe(gradient(8, 8), recipe, { format: 'png', embed: false });
    expect(await readRecipe(png)).toBeNull();
    const twice = withPngText(withPngText(png, { k: 'one' }), { k: 'two' });
    expect(readPngText(twice)).toEqual({ k: 'two' });
  });

  it('ignores a chunk whose CRC was corrupted', async () => {
    const png = new Uint8Array(await encodeWithRecipe(gradient(8, 8), recipe, { format: 'png' }));
    const at = Buffer.from(png).indexOf('golden-hour');
    png[at] ^= 0xff;
    expect(readPngText(png)).toEqual({});
  });
});
