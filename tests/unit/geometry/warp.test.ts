import { describe, expect, it } from 'vitest';
import { delaunay } from '../../../native/geometry/delaunay';
import { interpolatePointValues, warpTriangles } from '../../../native/geometry/triangle-warp';
import { createRng } from '../../../native/random/prng';
import type { Image8 } from '../../../native/image/types';

describe('Delaunay', () => {
  it('triangulates a square grid into 2 triangles per cell, covering the hull area', () => {
    const pts: [number, number][] = [];
    for (let y = 0; y < 5; y++) for (let x = 0; x < 5; x++) pts.push([x + 1e-7 * y, y]);
    const tris = delaunay(pts);
    expect(tris.length).toBe(32);
    const area = tris.reduce((s, [a, b, c]) => s + Math.abs((pts[b][0] - pts[a][0]) * (pts[c][1] - pts[a][1]) - (pts[c][0] - pts[a][0]) * (pts[b][1] - pts[a][1])) / 2, 0);
    expect(area).toBeCloseTo(16, 4);
  });

  it('has the empty-circumcircle property on random points', () => {
    const rng = createRng(3);
    const pts = Array.from({ length: 120 }, () => [rng.range(0, 100), rng.range(0, 100)] as [number, number]);
    const tris = delaunay(pts);
    expect(tris.length).toBeGreaterThan(200);
    for (const [a, b, c] of tris.slice(0, 60)) {
      const [ax, ay] = pts[a], [bx, by] = pts[b], [cx, cy] = pts[c];
      const d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by));
      const ux = ((ax * ax + ay * ay) * (by - cy) + (bx * bx + by * by) * (cy - ay) + (cx * cx + cy * cy) * (ay - by)) / d;
      const uy = ((ax * ax + ay * ay) * (cx - bx) + (bx * bx + by * by) * (ax - cx) + (cx * cx + cy * cy) * (bx - ax)) / d;
      const r2 = (ax - ux) ** 2 + (ay - uy) ** 2;
      for (let k = 0; k < pts.length; k++) {
        if (k === a || k === b || k === c) continue;
        expect((pts[k][0] - ux) ** 2 + (pts[k][1] - uy) ** 2).toBeGreaterThan(r2 * (1 - 1e-9));
      }
    }
  });
});

describe('piecewise-affine warp', () => {
  it('an identity mesh reproduces the source inside the hull; a shift moves it', () => {
    const w = 40, h = 30;
    const data = new Uint8Array(w * h * 3);
    for (let i = 0; i < w * h; i++) { data[i * 3] = (i % w) * 6; data[i * 3 + 1] = Math.floor(i / w) * 8; data[i * 3 + 2] = 99; }
    const img: Image8 = { width: w, height: h, channels: 3, data };
    const pts = [[0, 0], [w, 0], [w, h], [0, h], [20, 15]];
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
