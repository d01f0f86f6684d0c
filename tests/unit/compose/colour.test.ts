import { describe, expect, it } from 'vitest';
import { LUMA, linearToSrgb, srgbToLinear, srgbToLinearLut } from '../../../native/compose/colour';
import { kelvinToRgb } from '../../../native/compose/kelvin';

describe('sRGB transfer', () => {
  it('decodes the known anchor values and round-trips every code value', () => {
    expect(srgbToLinear(0)).toBe(0);
    expect(srgbToLinear(1)).toBeCloseTo(1, 12);
    // 50% sRGB grey is ~21.4% linear light (IEC 61966-2-1).
    expect(srgbToLinear(0.5)).toBeCloseTo(0.214, 3);
    const lut = srgbToLinearLut();
    for (let i = 0; i < 256; i++) expect(Math.round(linearToSrgb(lut[i]) * 255)).toBe(i);
  });
});

describe('kelvinToRgb', () => {
  it('is neutral at the sRGB white (6504 K) and has luminance 1 at every temperature', () => {
    const w = kelvinToRgb(6504);
    for (const c of w) expect(c).toBeCloseTo(1, 3);
    for (const k of [2000, 3200, 5500, 9000]) {
      const c = kelvinToRgb(k);
      expect(LUMA[0] * c[0] + LUMA[1] * c[1] + LUMA[2] * c[2]).toBeCloseTo(1, 6);
    }
  });
  it('is warm below daylight and cool above, monotonically', () => {
    const warm = kelvinToRgb(3000), cool = kelvinToRgb(10000);
    expect(warm[0]).toBeGreaterThan(warm[1]);
    expect(warm[1]).toBeGreaterThan(warm[2]);
    expect(cool[2]).toBeGreaterThan(cool[0]);
    let prev = Infinity;
    for (let k = 2000; k <= 12000; k += 500) {
      const c = kelvinToRgb(k);
      expect(c[0] / c[2]).toBeLessThan(prev);
      prev = c[0] / c[2];
    }
  });
});
