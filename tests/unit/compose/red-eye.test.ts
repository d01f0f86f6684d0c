// Flash red-eye comes out of the pupils found by the mesh's iris points; skin, a normal dark
// pupil and anything beyond the eye are left exactly as they were.
import { describe, expect, it } from 'vitest';
import { removeRedEye, removeRedEyeImage8 } from '../../../native/compose/red-eye';
import { linearToImage8, type Rgb } from '../../../native/compose/planes';
import type { Point3 } from '../../../native/face/types';

const W = 120, H = 80;
const IRIS = [[40, 40], [80, 40]] as const;
const RADIUS = 8;

/** 478 points, all at the origin except the two iris centres and their four edge points. */
function irisPoints(): Point3[] {
  const pts: Point3[] = Array.from({ length: 478 }, () => [0, 0, 0]);
  [468, 473].forEach((c, e) => {
    const [x, y] = IRIS[e];
    pts[c] = [x, y, 0];
    [[RADIUS, 0], [0, -RADIUS], [-RADIUS, 0], [0, RADIUS]].forEach(([dx, dy], k) => (pts[c + 1 + k] = [x + dx, y + dy, 0]));
  });
  return pts;
}

/** Skin everywhere; a pupil (radius 4, 3 px off the iris centre as the model can be) in each iris, red when `red`. */
function eyes(red: boolean): Rgb {
  const r = new Float32Array(W * H).fill(0.5), g = new Float32Array(W * H).fill(0.36), b = new Float32Array(W * H).fill(0.3);
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) {
    for (const [cx, cy] of IRIS) {
      const d = Math.hypot(x + 0.5 - (cx + 3), y + 0.5 - cy);
      const i = y * W + x;
      if (d < RADIUS) { r[i] = 0.12; g[i] = 0.08; b[i] = 0.06; } // brown iris
      if (d < 4) [r[i], g[i], b[i]] = red ? [0.6, 0.08, 0.07] : [0.02, 0.02, 0.02];
    }
  }
  return { width: W, height: H, r, g, b };
}

const at = (c: Rgb, x: number, y: number) => {
  const i = y * W + x;
  return [c.r[i], c.g[i], c.b[i]];
};

describe('removeRedEye', () => {
  it('turns a red pupil dark, in the colour of the eye around it', () => {
    const fixed = eyes(true);
    removeRedEye(fixed, irisPoints(), 1);
    for (const [cx, cy] of IRIS) {
      const [r, g, b] = at(fixed, cx + 3, cy);
      expect(r / Math.max(g, b)).toBeLessThan(1.7); // was 0.6 / 0.08 = 7.5
      expect(r).toBeLessThan(0.1);
      // It takes the colour of the eye around it (brown iris 1.5, skin 1.39 red over green), not grey or blue.
      expect(r / g).toBeGreaterThan(1.3);
      expect(r / g).toBeLessThan(1.6);
    }
  });

  it('leaves skin, a normal pupil, and a mesh without iris points alone', () => {
    const fixed = eyes(true);
    removeRedEye(fixed, irisPoints(), 1);
    expect(at(fixed, 40, 30)).toEqual(at(eyes(true), 40, 30)); // skin inside the search reach
    expect(at(fixed, 40 + 3 + 6, 40)).toEqual(at(eyes(true), 40 + 3 + 6, 40)); // iris ring
    const normal = eyes(false);
    removeRedEye(normal, irisPoints(), 1);
    expect(normal).toEqual(eyes(false));
    const noIris = eyes(true);
    removeRedEye(noIris, irisPoints().slice(0, 468), 1);
    expect(noIris).toEqual(eyes(true));
  });

  it('works on an 8-bit photo too: red pupils go dark, every other byte stays as it was', () => {
    const red = linearToImage8(eyes(true));
    const fixed = removeRedEyeImage8(red, irisPoints());
    expect(fixed.data).not.toBe(red.data);
    const px = (img: { data: Uint8Array }, x: number, y: number) => Array.from(img.data.subarray((y * W + x) * 3, (y * W + x) * 3 + 3));
    const [r, g] = px(fixed, 43, 40);
    expect(r).toBeLessThan(90);
    expect(r / g).toBeLessThan(1.6);
    let changed = 0;
    for (let i = 0; i < red.data.length; i++) if (fixed.data[i] !== red.data[i]) changed++;
    // Only pupil pixels (two discs of radius 4, ~100 pixels, 3 bytes each) change.
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThanOrEqual(2 * 64 * 3);
    const normal = linearToImage8(eyes(false));
    expect(removeRedEyeImage8(normal, irisPoints()).data).toEqual(normal.data);
  });
});
