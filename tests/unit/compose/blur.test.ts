import { describe, expect, it } from 'vitest';
import { gaussianBlur } from '../../../native/compose/blur';
import { newPlane } from '../../../native/compose/planes';

function impulseResponse(sigma: number, size = 101) {
  const p = newPlane(size, size);
  const c = (size - 1) / 2;
  p.data[c * size + c] = 1;
  const out = gaussianBlur(p, sigma);
  let sum = 0, vx = 0, mx = 0;
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) {
    const v = out.data[y * size + x];
    sum += v; mx += v * x; vx += v * (x - c) ** 2;
  }
  return { out, sum, meanX: mx / sum, varX: vx / sum, c, size };
}

describe('gaussianBlur of an impulse', () => {
  for (const sigma of [1, 3, 8]) {
    it(`σ=${sigma}: keeps energy, stays centred and symmetric, has variance σ²`, () => {
      const r = impulseResponse(sigma);
      expect(r.sum).toBeCloseTo(1, 5);
      expect(r.meanX).toBeCloseTo(r.c, 4);
      // Sampled kernel is exact to ~1%; three box passes (odd widths only) land within ~12% of σ² (worst near σ=3).
      expect(Math.abs(r.varX - sigma * sigma) / (sigma * sigma)).toBeLessThan(sigma < 2 ? 0.02 : 0.12);
      const { out, c, size } = r;
      for (let d = 1; d < 10; d++) {
        expect(out.data[c * size + c - d]).toBeCloseTo(out.data[c * size + c + d], 6);
        expect(out.data[(c - d) * size + c]).toBeCloseTo(out.data[(c + d) * size + c], 6);
      }
    });
  }
  it('leaves a constant image unchanged (edges replicate, no darkening at borders)', () => {
    const p = newPlane(40, 30, 0.5);
    const out = gaussianBlur(p, 6);
    for (const v of out.data) expect(v).toBeCloseTo(0.5, 5);
  });
});
