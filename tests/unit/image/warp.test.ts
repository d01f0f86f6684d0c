import { describe, expect, it } from 'vitest';
import { warpToTensor } from '../../../native/image/warp';
import { halveImage, buildPyramid, pyramidLevelFor } from '../../../native/image/pyramid';
import type { Image8 } from '../../../native/image/types';

function gradient(w: number, h: number): Image8 {
  const data = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set([x * 10, y * 10, 100], (y * w + x) * 3);
  return { width: w, height: h, channels: 3, data };
}

describe('warpToTensor', () => {
  it('the identity map copies pixels and applies the value layout', () => {
    const img = gradient(4, 3);
    const t = warpToTensor(img, [1, 0, 0, 0, 1, 0], 4, 3, { scale: 255, offset: 0 });
    expect(Array.from(t.subarray(0, 6))).toEqual([0, 0, 100, 10, 0, 100]);
    const n = warpToTensor(img, [1, 0, 0, 0, 1, 0], 1, 1, { scale: 2, offset: -1 });
    expect(n[2]).toBeCloseTo((100 / 255) * 2 - 1, 6);
  });

  it('samples between pixel centres bilinearly and pads outside with zero', () => {
    const img = gradient(4, 4);
    // Shift by half a pixel: each output is the mean of two neighbours in x.
    const t = warpToTensor(img, [1, 0, 0.5, 0, 1, 0], 4, 1, { scale: 255, offset: 0 });
    expect(t[0]).toBeCloseTo(5, 6);
    expect(t[3]).toBeCloseTo(15, 6);
    // Last output column blends pixel 3 (value 30) with the zero outside.
    expect(t[9]).toBeCloseTo(15, 6);
  });

  it('flips horizontally when asked', () => {
    const img = gradient(4, 1);
    const t = warpToTensor(img, [1, 0, 0, 0, 1, 0], 4, 1, { scale: 255, offset: 0, flip: true });
    expect([t[0], t[3], t[6], t[9]]).toEqual([30, 20, 10, 0]);
  });
});

describe('pyramid', () => {
  it('halving averages 2×2 blocks', () => {
    const img = gradient(4, 2);
    const h = halveImage(img);
    expect(h.width).toBe(2);
    expect(h.height).toBe(1);
    expect(Array.from(h.data)).toEqual([5, 5, 100, 25, 5, 100]);
  });

  it('picks the level matching a 4× downscale and rescales the map', () => {
    const img = gradient(512, 512);
    const p = buildPyramid(img, 64);
    const { image, affine } = pyramidLevelFor(p, [4, 0, 8, 0, 4, 8]);
    expect(image.width).toBe(128);
    expect(affine).toEqual([1, 0, 2, 0, 1, 2]);
  });
});
