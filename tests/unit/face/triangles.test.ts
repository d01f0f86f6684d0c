import { describe, expect, it } from 'vitest';
import { FACE_MESH_TRIANGLES } from '../../../native/face/triangles';
import { triangulateFrontal } from '../../../native/face/make-triangles';

describe('FACE_MESH_TRIANGLES', () => {
  it('uses every one of the 468 mesh points, each triangle once, with valid indices', () => {
    expect(FACE_MESH_TRIANGLES.length).toBeGreaterThan(800);
    const used = new Set<number>();
    const seen = new Set<string>();
    for (const t of FACE_MESH_TRIANGLES) {
      for (const i of t) {
        expect(Number.isInteger(i) && i >= 0 && i < 468).toBe(true);
        used.add(i);
      }
      expect(new Set(t).size).toBe(3);
      const key = [...t].sort((a, b) => a - b).join(',');
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    expect(used.size).toBe(468);
  });

  it('is a manifold: every edge is shared by at most two triangles', () => {
    const count = new Map<string, number>();
    for (const [a, b, c] of FACE_MESH_TRIANGLES) {
      for (const [i, j] of [[a, b], [b, c], [c, a]]) {
        const k = i < j ? `${i},${j}` : `${j},${i}`;
        count.set(k, (count.get(k) ?? 0) + 1);
      }
    }
    expect(Math.max(...count.values())).toBeLessThanOrEqual(2);
  });
});

describe('triangulateFrontal', () => {
  it('drops thin hull triangles but keeps interior ones', () => {
    // A square with a centre point, plus a point just inside its bottom edge: the triangle it
    // makes with that edge's ends is a 3° sliver along the hull.
    const pts: [number, number][] = [[0, 0], [10, 0], [10, 10], [0, 10], [5, 5], [5, 0.25]];
    const all = triangulateFrontal(pts, 0);
    const kept = triangulateFrontal(pts, 8);
    expect(kept.length).toBeLessThan(all.length);
    for (const t of kept) expect(t.includes(5) && t.includes(0) && t.includes(1)).toBe(false);
  });
});
