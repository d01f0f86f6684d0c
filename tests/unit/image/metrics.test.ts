import { describe, expect, it } from 'vitest';
import { exposureStats, sharpness } from '../../../native/image/metrics';
import { resizeMaskBilinear } from '../../../native/image/resize';
import { boxMean } from '../../../native/image/blur';
import { delaunay } from '../../../native/image/delaunay';
import type { Image8 } from '../../../native/image/types';

function solid(w: number, h: number, v: number): Image8 {
  return { width: w, height: h, channels: 3, data: new Uint8Array(w * h * 3).fill(v) };
}

function checker(w: number, h: number, cell: number): Image8 {
  const img = solid(w, h, 0);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (((x / cell) ^ (y / cell)) & 1) img.data.fill(220, (y * w + x) * 3, (y * w + x) * 3 + 3);
  return img;
}

describe('exposureStats', () => {
  it('reports the mean luma and clipped fractions of a region', () => {
    const img = solid(10, 10, 255);
    img.data.fill(0, 0, 50 * 3);
    const s = exposureStats(img, { x: 0, y: 0, width: 10, height: 10 });
    expect(s.mean).toBeCloseTo(127.5, 5);
    expect(s.clippedHigh).toBeCloseTo(0.5, 9);
    expect(s.clippedLow).toBeCloseTo(0.5, 9);
  });
});

describe('sharpness', () => {
  it('is zero on a flat region and high on fine texture, and drops when the texture is coarse', () => {
    const box = { x: 0, y: 0, width: 256, height: 256 };
    expect(sharpness(solid(256, 256, 128), box)).toBe(0);
    const fine = sharpness(checker(256, 256, 4), box);
    const coarse = sharpness(checker(256, 256, 32), box);
    expect(fine).toBeGreaterThan(10 * coarse);
  });
});

describe('resizeMaskBilinear', () => {
  it('keeps a constant mask constant and interpolates with half-pixel centres', () => {
    const m = resizeMaskBilinear({ width: 2, height: 1, data: new Float32Array([0, 1]) }, 4, 1);
    // Output centres at 0.125, 0.375, 0.625, 0.875 of the input width → -0.25, 0.25, 0.75, 1.25 input px, clamped.
    expect(Array.from(m.data)).toEqual([0, 0.25, 0.75, 1]);
  });
});

describe('boxMean', () => {
  it('averages over the window clipped at the borders', () => {
    const out = boxMean(new Float32Array([1, 2, 3, 4]), 4, 1, 1);
    expect(Array.from(out)).toEqual([1.5, 2, 3, 3.5]);
  });
});

describe('delaunay', () => {
  it('splits a square into two triangles and a square with a centre into four', () => {
    expect(delaunay([[0, 0], [1, 0], [1, 1], [0, 1]])).toHaveLength(2);
    const t = delaunay([[0, 0], [2, 0], [2, 2], [0, 2], [1, 1]]);
    expect(t).toHaveLength(4);
    for (const tri of t) expect(tri).toContain(4);
  });

  it('satisfies the empty-circumcircle property on random points and covers the hull', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pts: [number, number][] = Array.from({ length: 60 }, () => [rnd() * 100, rnd() * 100]);
    const tris = delaunay(pts);
    for (const [a, b, c] of tris) {
      const [ax, ay] = pts[a], [bx, by] = pts[b], [cx, cy] = pts[c];
      for (let i = 0; i < pts.length; i++) {
        if (i === a || i === b || i === c) continue;
        const [dx, dy] = pts[i];
        const m = [
          [ax - dx, ay - dy, (ax - dx) ** 2 + (ay - dy) ** 2],
          [bx - dx, by - dy, (bx - dx) ** 2 + (by - dy) ** 2],
          [cx - dx, cy - dy, (cx - dx) ** 2 + (cy - dy) ** 2],
        ];
        const det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        expect(det).toBeLessThanOrEqual(1e-6); // positive orientation: inside the circle would be > 0
      }
    }
    const area = tris.reduce((s, [a, b, c]) => s + ((pts[b][0] - pts[a][0]) * (pts[c][1] - pts[a][1]) - (pts[b][1] - pts[a][1]) * (pts[c][0] - pts[a][0])) / 2, 0);
    expect(area).toBeGreaterThan(0);
  });
});
