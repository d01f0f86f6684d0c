import { describe, expect, it } from 'vitest';
import { blendNormals, meshHeight, normalsFromHeight } from '../../../native/compose/normals';
import { lightDirection, relightFactor, rimWeight, shade } from '../../../native/compose/relight';
import { newPlane } from '../../../native/compose/planes';
import type { Point3 } from '../../../native/face/types';

describe('light and shading', () => {
  it('points the light where its angles say (x right, y down, z to camera)', () => {
    const front = lightDirection(0, 0);
    expect(front[2]).toBeCloseTo(1, 9);
    const right = lightDirection(90, 0);
    expect(right[0]).toBeCloseTo(1, 9);
    const above = lightDirection(0, 90);
    expect(above[1]).toBeCloseTo(-1, 9);
  });
  it('shades a flat plane facing the camera by the cosine of the light angle', () => {
    const l = lightDirection(45, 30);
    const expected = 0.4 + 0.6 * Math.cos(Math.PI / 4) * Math.cos(Math.PI / 6);
    expect(shade(0, 0, 1, l, 0.4)).toBeCloseTo(expected, 9);
    // A plane facing away from the light gets the fill only.
    expect(shade(-1, 0, 0, lightDirection(90, 0), 0.4)).toBeCloseTo(0.4, 9);
  });
  it('recovers the normal of a tilted plane from its height field', () => {
    const h = newPlane(20, 20);
    for (let y = 0; y < 20; y++) for (let x = 0; x < 20; x++) h.data[y * 20 + x] = 0.5 * x - 0.25 * y;
    const n = normalsFromHeight(h);
    const k = 1 / Math.sqrt(1 + 0.25 + 0.0625);
    const i = 10 * 20 + 10;
    expect(n.x[i]).toBeCloseTo(-0.5 * k, 5);
    expect(n.y[i]).toBeCloseTo(0.25 * k, 5);
    expect(n.z[i]).toBeCloseTo(k, 5);
  });
  it('a flat plane is relit by a uniform factor of 1 (relight moves light, not exposure)', () => {
    const n = normalsFromHeight(newPlane(8, 8));
    const f = relightFactor(n, lightDirection(-40, 30), 0.5, 0.6, new Float32Array(64).fill(1));
    for (const v of f) expect(v).toBeCloseTo(1, 6);
  });
  it('a sphere lit from the right is brighter on its right half, by a gentle ratio', () => {
    const size = 41, c = 20, r = 18;
    const pts: Point3[] = [];
    for (let y = -r; y <= r; y += 2) for (let x = -r; x <= r; x += 2) {
      if (x * x + y * y < r * r) pts.push([c + x + 0.5, c + y + 0.5, -Math.sqrt(r * r - x * x - y * y)]);
    }
    const { height } = meshHeight(pts, size, size, 1, 1.2);
    const n = normalsFromHeight(height);
    const w = new Float32Array(size * size);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) w[y * size + x] = (x - c) ** 2 + (y - c) ** 2 < 100 ? 1 : 0;
    const f = relightFactor(n, lightDirection(60, 0), 0.5, 0.5, w);
    const leftSide = f[c * size + c - 8], rightSide = f[c * size + c + 8];
    expect(rightSide).toBeGreaterThan(1);
    expect(leftSide).toBeLessThan(1);
    // "No plastic look": with shading 0.5 the lit/shadow ratio stays under 1:2.
    expect(rightSide / leftSide).toBeLessThan(2);
  });
  it('blending normals by weight 0 and 1 returns each input', () => {
    const a = normalsFromHeight(newPlane(4, 4));
    const hb = newPlane(4, 4);
    for (let i = 0; i < 16; i++) hb.data[i] = i % 4;
    const b = normalsFromHeight(hb);
    expect(blendNormals(a, b, new Float32Array(16).fill(0)).x[5]).toBeCloseTo(a.x[5], 6);
    expect(blendNormals(a, b, new Float32Array(16).fill(1)).x[5]).toBeCloseTo(b.x[5], 6);
  });
  it('rim light sits on the inner edge and favours the side facing the rim light', () => {
    expect(rimWeight(1, 1, 0, 0, [1, 0])).toBe(0); // deep inside: no band
    const lit = rimWeight(1, 0.6, 1, 0, [1, 0]);
    const far = rimWeight(1, 0.6, -1, 0, [1, 0]);
    expect(lit).toBeGreaterThan(far);
    expect(far).toBeGreaterThan(0); // wraps a little
  });
});
