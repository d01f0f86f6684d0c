import { describe, expect, it } from 'vitest';
import { applyAffine, composeAffine, estimateSimilarity, invertAffine, squareCropAffine, type Affine } from '../../../native/image/affine';

describe('affine', () => {
  it('inverts: m⁻¹ ∘ m is the identity', () => {
    const m: Affine = [2, 0.5, 3, -0.25, 1.5, -7];
    const id = composeAffine(invertAffine(m), m);
    [1, 0, 0, 0, 1, 0].forEach((v, i) => expect(id[i]).toBeCloseTo(v, 12));
  });

  it('maps a crop centre to the region centre and its corners to the rotated square', () => {
    const m = squareCropAffine(100, 50, 40, Math.PI / 2, 20);
    expect(applyAffine(m, 10, 10)).toEqual([100, 50].map((v) => expect.closeTo(v, 9)));
    // Crop x axis points along +y in the photo when angle = 90°: (20, 10) is 20 photo px below the centre.
    const [x, y] = applyAffine(m, 20, 10);
    expect(x).toBeCloseTo(100, 9);
    expect(y).toBeCloseTo(70, 9);
  });

  it('recovers a known similarity transform from point pairs', () => {
    const truth: Affine = [Math.cos(0.3) * 1.7, -Math.sin(0.3) * 1.7, 12, Math.sin(0.3) * 1.7, Math.cos(0.3) * 1.7, -4];
    const from: [number, number][] = [[0, 0], [10, 2], [3, 8], [-5, 4]];
    const to = from.map(([x, y]) => applyAffine(truth, x, y));
    const est = estimateSimilarity(from, to);
    truth.forEach((v, i) => expect(est[i]).toBeCloseTo(v, 9));
  });
});
