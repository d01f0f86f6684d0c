// Halved copies of a photo, so that cutting a 192-pixel crop out of a 12 MP photo averages the
// pixels it covers instead of aliasing (bilinear sampling alone reads only 4 of them).
import type { Image8 } from './types';
import type { Affine } from './affine';

/** 2×2 box average; an odd last row/column is dropped. Continuous coordinates map as x → x / 2. */
export function halveImage(img: Image8): Image8 {
  const w = img.width >> 1;
  const h = img.height >> 1;
  const C = img.channels;
  const out = new Uint8Array(w * h * C);
  const src = img.data;
  const row = img.width * C;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = (2 * y * img.width + 2 * x) * C;
      const o = (y * w + x) * C;
      for (let c = 0; c < C; c++) out[o + c] = (src[p + c] + src[p + C + c] + src[p + row + c] + src[p + row + C + c] + 2) >> 2;
    }
  }
  return { width: w, height: h, channels: C, data: out };
}

export interface Pyramid {
  levels: Image8[];
}

export function buildPyramid(img: Image8, minSide = 64): Pyramid {
  const levels = [img];
  let cur = img;
  while (Math.min(cur.width, cur.height) >= 2 * minSide) {
    cur = halveImage(cur);
    levels.push(cur);
  }
  return { levels };
}

/**
 * Picks the level whose pixels are no more than twice as small as the destination's, and rewrites
 * the destination → source affine for it.
 */
export function pyramidLevelFor(p: Pyramid, dstToSrc: Affine): { image: Image8; affine: Affine } {
  const scale = Math.sqrt(Math.abs(dstToSrc[0] * dstToSrc[4] - dstToSrc[1] * dstToSrc[3]));
  let level = Math.max(0, Math.floor(Math.log2(Math.max(scale, 1e-9))));
  level = Math.min(level, p.levels.length - 1);
  const k = 1 / 2 ** level;
  const m = dstToSrc.map((v) => v * k) as Affine;
  return { image: p.levels[level], affine: m };
}
