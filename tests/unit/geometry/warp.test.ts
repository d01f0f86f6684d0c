import { describe, expect, it } from 'vitest';
import { delaunay } from '../../../native/image/delaunay';
import { interpolatePointValues, warpTriangles } from '../../../native/geometry/triangle-warp';
import type { Image8 } from '../../../native/image/types';

describe('piecewise-affine warp', () => {
  it('an identity mesh reproduces the source inside the hull; a shift moves it', () => {
    const w = 40, h = 30;
    const data = new Uint8Array(w * h * 3);
    for (let i = 0; i < w * h; i++) { data[i * 3] = (i % w) * 6; data[i * 3 + 1] = Math.floor(i / w) * 8; data[i * 3 + 2] = 99; }
    const img: Image8 = { width: w, height: h, channels: 3, data };
    const pts: [number, number][] = [[0, 0], [w, 0], [w, h], [0, h], [20, 15]];
    const tris = delaunay(pts);
    const same = warpTriangles(img, pts, pts, tris, w, h);
    for (const [x, y] of [[5, 5], [20, 15], [35, 25]]) {
      const i = y * w + x;
      expect(same.coverage.data[i]).toBe(1);
      expect(same.rgb[i * 3]).toBeCloseTo(data[i * 3], 3);
      expect(same.rgb[i * 3 + 1]).toBeCloseTo(data[i * 3 + 1], 3);
    }
    const shifted = pts.map(([x, y]) => [x + 5, y]);
    const moved = warpTriangles(img, pts, shifted, tris, w + 5, h);
    const i = 10 * (w + 5) + 25;
    expect(moved.rgb[i * 3]).toBeCloseTo(data[(10 * w + 20) * 3], 3);
    expect(moved.coverage.data[10 * (w + 5) + 2]).toBe(0);
  });

  it('interpolates per-point values barycentrically', () => {
    const pts = [[0, 0], [10, 0], [0, 10]];
    const v = interpolatePointValues([0, 1, 0], pts, [[0, 1, 2]], 10, 10);
    expect(v[2 * 10 + 4]).toBeCloseTo(0.45, 6);
  });
});
