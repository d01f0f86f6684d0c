import { describe, expect, it } from 'vitest';
import { convexHull, fillPolygon } from '../../../native/compose/polygon';

describe('convexHull and fillPolygon', () => {
  it('hull of a square with interior points is its four corners', () => {
    const hull = convexHull([[0, 0], [10, 0], [10, 10], [0, 10], [5, 5], [2, 7], [5, 0]]);
    expect(hull).toHaveLength(4);
    expect(hull).toEqual(expect.arrayContaining([[0, 0], [10, 0], [10, 10], [0, 10]]));
  });
  it('fills exactly the pixels whose centres are inside', () => {
    const m = fillPolygon([[2, 3], [8, 3], [8, 7], [2, 7]], 12, 10);
    let area = 0;
    for (const v of m) area += v;
    expect(area).toBe(24);
    expect(m[3 * 12 + 2]).toBe(1);
    expect(m[2 * 12 + 2]).toBe(0);
    expect(m[3 * 12 + 8]).toBe(0);
  });
});
