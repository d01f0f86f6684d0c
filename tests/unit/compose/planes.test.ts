// editLinearBox: an 8-bit photo's box edited in linear light, the rest untouched.
import { describe, expect, it } from 'vitest';
import { editLinearBox, linearToImage8, image8ToLinear } from '../../../native/compose/planes';
import type { Image8 } from '../../../native/image/types';

const W = 40, H = 30;
function photo(channels: 3 | 4): Image8 {
  const data = new Uint8Array(W * H * channels);
  for (let i = 0; i < data.length; i++) data[i] = (i * 37) % 256;
  return { width: W, height: H, channels, data };
}

describe('editLinearBox', () => {
  it('clips a box that runs off the photo, hands the edit its origin, and leaves every byte outside alone', () => {
    for (const channels of [3, 4] as const) {
      const src = photo(channels);
      let seen: [number, number, number, number] = [0, 0, 0, 0];
      const out = editLinearBox(src, { x0: -5.5, y0: 20.2, x1: 12.3, y1: 99 }, (c, ox, oy) => {
        seen = [ox, oy, c.width, c.height];
        c.r.fill(1); // white red channel over the box
      });
      expect(seen).toEqual([0, 20, 13, 10]);
      for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
        const o = (y * W + x) * channels;
        const inBox = x < 13 && y >= 20;
        expect(out.data[o]).toBe(inBox ? 255 : src.data[o]);
        // Green, blue (and alpha) were not edited: back through linear light they are the same bytes.
        for (let c = 1; c < channels; c++) expect(out.data[o + c]).toBe(src.data[o + c]);
      }
      expect(src.data[0]).toBe(0); // the input is not written to
    }
  });

  it('returns the photo itself for a box wholly outside it', () => {
    const src = photo(3);
    expect(editLinearBox(src, { x0: 50, y0: 0, x1: 60, y1: 10 }, () => { throw new Error('not called'); })).toBe(src);
  });

  it('linearToImage8 inverts image8ToLinear byte for byte', () => {
    const src = photo(3);
    expect(linearToImage8(image8ToLinear(src)).data).toEqual(src.data);
  });
});
