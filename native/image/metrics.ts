// Photo-quality measurements on a region of an Image8: brightness and sharpness.
import type { Image8 } from './types';
import type { Box } from '../face/types';

/** Rec. 709 luma of 8-bit sRGB values (not linear light: we judge exposure as people see it). */
export function luma(r: number, g: number, b: number): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function clampRegion(img: Image8, box: Box): { x0: number; y0: number; x1: number; y1: number } {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(img.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(img.height, Math.ceil(box.y + box.height));
  return { x0, y0, x1, y1 };
}

export interface ExposureStats {
  /** Mean luma 0..255. */
  mean: number;
  /** Fraction of pixels with luma ≥ 250 (clipped highlights). */
  clippedHigh: number;
  /** Fraction of pixels with luma ≤ 5 (crushed shadows). */
  clippedLow: number;
}

export function exposureStats(img: Image8, box: Box): ExposureStats {
  const { x0, y0, x1, y1 } = clampRegion(img, box);
  const C = img.channels;
  let sum = 0, hi = 0, lo = 0, n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const p = (y * img.width + x) * C;
      const l = luma(img.data[p], img.data[p + 1], img.data[p + 2]);
      sum += l;
      if (l >= 250) hi++;
      if (l <= 5) lo++;
      n++;
    }
  }
  return n ? { mean: sum / n, clippedHigh: hi / n, clippedLow: lo / n } : { mean: 0, clippedHigh: 0, clippedLow: 0 };
}

/**
 * Sharpness of a region resampled to `size` × `size` luma pixels, as the variance of the 4-neighbour
 * Laplacian. Resampling first makes the number independent of the face's size in the photo, so one
 * threshold serves a 60 px face and a 1500 px face. Mean-normalised so that dim faces are not called blurred.
 */
export function sharpness(img: Image8, box: Box, size = 128): number {
  const g = new Float32Array(size * size);
  const { x0, y0, x1, y1 } = clampRegion(img, box);
  const w = x1 - x0, h = y1 - y0;
  if (w < 2 || h < 2) return 0;
  const C = img.channels;
  // Box-average each destination cell so a large face is downsampled, not aliased.
  for (let j = 0; j < size; j++) {
    const ya = y0 + Math.floor((j * h) / size), yb = Math.max(ya + 1, y0 + Math.floor(((j + 1) * h) / size));
    for (let i = 0; i < size; i++) {
      const xa = x0 + Math.floor((i * w) / size), xb = Math.max(xa + 1, x0 + Math.floor(((i + 1) * w) / size));
      let s = 0, n = 0;
      for (let y = ya; y < yb; y++) for (let x = xa; x < xb; x++) {
        const p = (y * img.width + x) * C;
        s += luma(img.data[p], img.data[p + 1], img.data[p + 2]);
        n++;
      }
      g[j * size + i] = s / n;
    }
  }
  let mean = 0;
  for (let i = 0; i < g.length; i++) mean += g[i];
  mean /= g.length;
  let s1 = 0, s2 = 0, n = 0;
  for (let y = 1; y < size - 1; y++) {
    for (let x = 1; x < size - 1; x++) {
      const p = y * size + x;
      const lap = g[p - 1] + g[p + 1] + g[p - size] + g[p + size] - 4 * g[p];
      s1 += lap; s2 += lap * lap; n++;
    }
  }
  const v = s2 / n - (s1 / n) ** 2;
  const scale = Math.max(mean, 20) / 128;
  return v / (scale * scale);
}

/**
 * Focus measure independent of contrast, retouching and face size: fine-detail energy (Laplacian at
 * 128 px) over coarse-structure energy (Laplacian at 32 px) of the same region. Blur removes the
 * first and barely touches the second; a smooth-skinned but sharp face keeps crisp eyes and hair.
 */
export function focusRatio(img: Image8, box: Box): number {
  const coarse = sharpness(img, box, 32);
  return coarse > 0 ? sharpness(img, box, 128) / coarse : 0;
}
