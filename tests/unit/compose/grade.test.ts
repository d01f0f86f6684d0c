import { describe, expect, it } from 'vitest';
import { grainField, gradeToImage8, toneCurve, toneLut, vignetteGain } from '../../../native/compose/grade';
import { newRgb } from '../../../native/compose/planes';
import { createRng } from '../../../native/random/prng';
import { loadTheme } from '../../../themes/schema';

describe('tone curve', () => {
  it('is monotonic for every bundled-range setting and keeps middle grey', () => {
    for (const contrast of [0.7, 1, 1.3]) for (const shoulder of [0, 0.5, 1]) for (const lift of [0, 0.05]) {
      let prev = -1, worstStep = Infinity, highest = 0;
      for (let x = 0; x <= 8; x += 0.001) {
        const y = toneCurve(x, contrast, shoulder, lift);
        worstStep = Math.min(worstStep, y - prev);
        highest = Math.max(highest, y);
        prev = y;
      }
      expect(worstStep).toBeGreaterThanOrEqual(0);
      expect(highest).toBeLessThanOrEqual(1);
      if (shoulder < 0.9 && lift === 0) expect(toneCurve(0.18, contrast, shoulder, 0)).toBeCloseTo(0.18, 6);
    }
  });
  it('tabulated curve is monotonic too', () => {
    const lut = toneLut({ contrast: 1.2, shoulder: 0.7, blackLift: 0.02 });
    let worst = Infinity;
    for (let i = 1; i < lut.length; i++) worst = Math.min(worst, lut[i] - lut[i - 1]);
    expect(worst).toBeGreaterThanOrEqual(0);
  });
});

describe('vignette', () => {
  const v = { amount: 0.4, radius: 0.9, softness: 0.6 };
  it('is symmetric left-right and top-bottom, 1 at the centre and darkest at the corners', () => {
    const w = 60, h = 40;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const g = vignetteGain(x, y, w, h, v);
      expect(g).toBeCloseTo(vignetteGain(w - 1 - x, y, w, h, v), 9);
      expect(g).toBeCloseTo(vignetteGain(x, h - 1 - y, w, h, v), 9);
    }
    expect(vignetteGain(29.5, 19.5, w, h, v)).toBe(1);
    expect(vignetteGain(0, 0, w, h, v)).toBeLessThan(vignetteGain(15, 10, w, h, v));
  });
});

describe('grain', () => {
  it('has zero mean and unit variance, and is the same for the same seed', () => {
    const g = grainField(createRng(5), 200, 100, 1.5);
    let m = 0, v = 0;
    for (const x of g.data) m += x;
    m /= g.data.length;
    for (const x of g.data) v += (x - m) ** 2;
    expect(Math.abs(m)).toBeLessThan(0.05);
    expect(v / g.data.length).toBeCloseTo(1, 2);
    expect(grainField(createRng(5), 200, 100, 1.5).data).toEqual(g.data);
    expect(grainField(createRng(6), 200, 100, 1.5).data).not.toEqual(g.data);
  });
});

describe('gradeToImage8', () => {
  it('monochrome gives equal channels; no grain + no vignette + flat curve encodes plain sRGB', () => {
    const img = newRgb(4, 4);
    img.r.fill(0.3); img.g.fill(0.1); img.b.fill(0.05);
    const base = loadTheme('black-white-classic').grade;
    const mono = gradeToImage8(img, { ...base, grain: { amount: 0, sizePx: 1 } }, createRng(1));
    expect(mono.data[0]).toBe(mono.data[1]);
    expect(mono.data[1]).toBe(mono.data[2]);
    const flat = gradeToImage8(img, {
      ...base, monochrome: false, contrast: 1, shoulder: 0, blackLift: 0, saturation: 1,
      shadowTint: [1, 1, 1], highlightTint: [1, 1, 1], grain: { amount: 0, sizePx: 1 }, vignette: { amount: 0, radius: 1, softness: 0.5 },
    }, createRng(1));
    // 0.3 linear → sRGB 0.584 → 149.
    expect(Array.from(flat.data.slice(0, 3))).toEqual([149, 89, 63]);
  });
});
