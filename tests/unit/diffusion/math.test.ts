// Schedules, grids and prediction conversions, checked against published numbers and identities.
import { describe, expect, it } from 'vitest';
import { PREDICTIONS } from '../../../models/diffusion/contract';
import { numberArith, predictionFromX0, x0FromPrediction } from '../../../native/diffusion/prediction';
import { CLEAN, createSchedule, ddpmAlphasCumprod, noiseGrid } from '../../../native/diffusion/schedule';
import { SCHEDULES } from './helpers';

describe('schedules', () => {
  it('Stable Diffusion scaled_linear gives the σ range every k-diffusion user knows', () => {
    const s = createSchedule(SCHEDULES.sdScaledLinear);
    expect(s.sigmaMin).toBeCloseTo(0.0292, 4);
    expect(s.sigmaMax).toBeCloseTo(14.6146, 3);
  });

  it('DDPM linear (Ho et al.) ends near ᾱ = 4e-5 and cosine ends at the 0.999 β cap', () => {
    const lin = ddpmAlphasCumprod(SCHEDULES.ddpmLinear as Extract<typeof SCHEDULES.ddpmLinear, { type: 'ddpm' }>);
    expect(lin[999]).toBeGreaterThan(3.9e-5);
    expect(lin[999]).toBeLessThan(4.2e-5);
    const cos = ddpmAlphasCumprod(SCHEDULES.ddpmCosine as Extract<typeof SCHEDULES.ddpmCosine, { type: 'ddpm' }>);
    expect(cos[999] / cos[998]).toBeCloseTo(0.001, 6);
    // Halfway through the cosine schedule ᾱ ≈ cos²(π/4) = 0.5.
    expect(cos[499]).toBeGreaterThan(0.49);
    expect(cos[499]).toBeLessThan(0.51);
  });

  it.each(Object.entries(SCHEDULES))('%s: a² + b² = 1 for VP, σ ↔ level round-trips', (_, spec) => {
    const s = createSchedule(spec);
    for (const level of [0.05, 0.3, 0.5, 0.77, 0.99]) {
      const p = s.atLevel(level);
      if (spec.type === 'ddpm') expect(p.a ** 2 + p.b ** 2).toBeCloseTo(1, 12);
      if (spec.type === 'flow') expect(p.a + p.b).toBeCloseTo(1, 12);
      const back = s.atSigma(p.b / p.a);
      expect(back.level).toBeCloseTo(level, 9);
      expect(back.time).toBeCloseTo(p.time, 6);
    }
  });

  it('Karras grid: ρ = 7 spacing from σ_max to σ_min, then clean; uniform grid for flow', () => {
    const s = createSchedule(SCHEDULES.edm);
    const g = noiseGrid(s, 5, 'karras');
    const sig = g.map((p) => p.b / p.a);
    expect(sig[0]).toBeCloseTo(80, 9);
    expect(sig[4]).toBeCloseTo(0.002, 9);
    expect(g[5]).toEqual(CLEAN);
    const mid = (80 ** (1 / 7) + 0.5 * (0.002 ** (1 / 7) - 80 ** (1 / 7))) ** 7;
    expect(sig[2]).toBeCloseTo(mid, 9);
    const f = noiseGrid(createSchedule(SCHEDULES.flow), 4, 'karras', 0.5).map((p) => p.time);
    expect(f).toEqual([0.5, 0.375, 0.25, 0.125, 0]);
  });
});

describe('prediction conversions', () => {
  it.each(PREDICTIONS)('%s: the definition holds and x0 ↔ prediction are inverse', (p) => {
    const x0 = 0.3;
    const eps = -1.2;
    for (const [a, b] of [[0.9, Math.sqrt(1 - 0.81)], [0.2, Math.sqrt(1 - 0.04)], [0.7, 0.3], [1, 2.5]]) {
      if (p === 'flow' && Math.abs(a + b - 1) > 1e-12) continue;
      if (p === 'v' && Math.abs(a * a + b * b - 1) > 1e-12) continue;
      const x = a * x0 + b * eps;
      const expected = { eps, x0, v: a * eps - b * x0, flow: eps - x0 }[p];
      const f = predictionFromX0(p, a, b, numberArith);
      const pred = f.cx * x + f.cp * x0;
      expect(pred).toBeCloseTo(expected, 12);
      const g = x0FromPrediction(p, a, b, numberArith);
      expect(g.cx * x + g.cp * pred).toBeCloseTo(x0, 12);
    }
  });
});
