import { describe, expect, it } from 'vitest';
import { ringDepth } from '../../../native/face/mesh-rings';
import { FACE_MESH_TRIANGLES } from '../../../native/face/triangles';
import { FACE_OVAL } from '../../../native/face/landmarks';

describe('ringDepth', () => {
  it('counts triangle edges in from the face outline', () => {
    const depth = ringDepth(FACE_MESH_TRIANGLES);
    for (const k of FACE_OVAL) expect(depth[k]).toBe(0);
    // Every one of the 468 points is reached; the nose tip lies deep inside, a cheek point shallower.
    expect(Math.max(...depth)).toBeLessThan(255);
    expect(depth[4]).toBeGreaterThan(5);
    expect(depth[4]).toBeGreaterThan(depth[123]);
    // Neighbours of the outline are on ring 1.
    const ring1 = [...depth.keys()].filter((k) => depth[k] === 1);
    expect(ring1.length).toBeGreaterThan(20);
  });

  it('works on any triangle list: a strip of three triangles from outline point 0', () => {
    expect(Array.from(ringDepth([[0, 1, 2], [1, 2, 3], [2, 3, 4]], 5, [0]))).toEqual([0, 1, 1, 2, 2]);
  });
});
