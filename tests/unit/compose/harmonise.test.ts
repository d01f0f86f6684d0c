import { describe, expect, it } from 'vitest';
import { applyGains, exposureGain, greyWorldGains, meanLogLuminance, partialGains } from '../../../native/compose/harmonise';
import { luminance } from '../../../native/compose/colour';
import { newRgb } from '../../../native/compose/planes';

function card(r: number, g: number, b: number, w = 16, h = 16) {
  const img = newRgb(w, h);
  img.r.fill(r); img.g.fill(g); img.b.fill(b);
  return img;
}

describe('white balance', () => {
  it('makes a grey card under warm light neutral and keeps its luminance', () => {
    // An 18% grey card lit by tungsten-ish light: red high, blue low.
    const img = card(0.26, 0.17, 0.09);
    const before = luminance(0.26, 0.17, 0.09);
    applyGains(img, greyWorldGains(img));
    expect(img.r[0]).toBeCloseTo(img.g[0], 6);
    expect(img.g[0]).toBeCloseTo(img.b[0], 6);
    expect(luminance(img.r[0], img.g[0], img.b[0])).toBeCloseTo(before, 6);
  });
  it('ignores clipped and black pixels', () => {
    const img = card(0.3, 0.2, 0.1);
    img.r[0] = 1; img.g[0] = 1; img.b[0] = 1; // clipped highlight
    img.r[1] = 0; img.g[1] = 0; img.b[1] = 0.005; // black
    const g = greyWorldGains(img);
    expect(0.3 * g[0]).toBeCloseTo(0.2 * g[1], 6);
  });
  it('partial correction is a power of the full one, limited in stops', () => {
    const g = partialGains([2, 1, 0.5], 0.5, 10);
    expect(g[0]).toBeCloseTo(Math.SQRT2, 6);
    expect(g[2]).toBeCloseTo(Math.SQRT1_2, 6);
    const lim = partialGains([8, 1, 1 / 8], 1, 0.4);
    expect(lim[0]).toBeCloseTo(2 ** 0.4, 6);
    expect(lim[2]).toBeCloseTo(2 ** -0.4, 6);
  });
});

describe('exposure match', () => {
  it('brings a metered image to the target (one stop under → gain 2)', () => {
    const img = card(0.09, 0.09, 0.09);
    const m = meanLogLuminance(img);
    expect(m).toBeCloseTo(0.09, 3);
    expect(exposureGain(m, 0.18)).toBeCloseTo(2, 2);
  });
  it('meters the geometric mean, so a half-dark half-bright scene meters in between', () => {
    const img = card(0.05, 0.05, 0.05, 2, 1);
    img.r[1] = img.g[1] = img.b[1] = 0.45;
    expect(meanLogLuminance(img)).toBeCloseTo(Math.sqrt(0.05 * 0.45), 3);
  });
  it('never moves more than the limit', () => {
    expect(exposureGain(0.001, 0.18, 1.5)).toBeCloseTo(2 ** 1.5, 6);
    expect(exposureGain(10, 0.18, 1.5)).toBeCloseTo(2 ** -1.5, 6);
  });
});
