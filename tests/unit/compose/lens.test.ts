import { describe, expect, it } from 'vitest';
import { EYE_DISTANCE_MM, depthOfField } from '../../../native/compose/lens';

describe('depthOfField (thin lens, full frame)', () => {
  it('gives the known magnification, focus distance and an infinity blur disc of f·m/N', () => {
    // Eyes 96 px apart on a 768 px short side = 3 mm on a 24 mm sensor side → m = 3/63.
    const m = 3 / EYE_DISTANCE_MM;
    const d = depthOfField(85, 2, 1e6, 96, 768);
    expect(d.focusDistanceM).toBeCloseTo((85 * (1 + 1 / m)) / 1000, 6);
    const discMm = (85 * m) / 2;
    expect(d.backgroundBlurPx).toBeCloseTo(discMm / (24 / 768), 1);
  });
  it('blurs more at wider apertures, longer lenses and further backdrops; 0 for a backdrop at the subject', () => {
    const base = depthOfField(85, 2.8, 5, 70, 768).backgroundBlurPx;
    expect(depthOfField(85, 1.4, 5, 70, 768).backgroundBlurPx).toBeCloseTo(base * 2, 6);
    expect(depthOfField(85, 2.8, 50, 70, 768).backgroundBlurPx).toBeGreaterThan(base);
    expect(depthOfField(135, 2.8, 5, 70, 768).backgroundBlurPx).toBeGreaterThan(base);
    expect(depthOfField(85, 2.8, 0, 70, 768).backgroundBlurPx).toBeCloseTo(0, 9);
  });
});
