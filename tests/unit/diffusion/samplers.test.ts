// Samplers against exact denoisers: a correct sampler must reproduce the distribution the
// denoiser was built for. These are the tests that catch a wrong sign, schedule or σ conversion.
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLER_NAMES } from '../../../models/diffusion/contract';
import type { LoadedDiffusionModel } from '../../../native/diffusion/model';
import { fillNoise } from '../../../native/diffusion/noise';
import { DEFAULT_GRID, sampleImages } from '../../../native/diffusion/sample';
import { createSchedule, noiseGrid } from '../../../native/diffusion/schedule';
import { CONFIGS, exactModel, moments, nearest, template } from './helpers';

const C = 1, H = 4, W = 4, D = C * H * W;
const STD = 0.2;
const WIDE = 0.5;
const MU = template(D, 0);

/** RMS distance between deterministic samples and the exact probability-flow map of N(MU, STD²). */
async function odeError(m: LoadedDiffusionModel, sampler: 'ddim' | 'euler' | 'dpmpp_2m', steps: number, N = 200, seed = 3): Promise<number> {
  const y = await sampleImages(m, { batch: N, seed, steps, sampler });
  const start = noiseGrid(createSchedule(m.contract.schedule), steps, DEFAULT_GRID[sampler])[0];
  const eps = new Float32Array(N * D);
  fillNoise(eps, seed, 'init', N);
  // Along the ODE each coordinate's z-score (x - a·μ)/√(a²s² + b²) is constant.
  const shrink = STD / Math.sqrt(start.a ** 2 * STD ** 2 + start.b ** 2);
  let s = 0;
  for (let n = 0; n < N; n++) {
    for (let i = 0; i < D; i++) {
      const exact = MU[i] + (start.b * eps[n * D + i] - start.a * MU[i]) * shrink;
      s += (y[n * D + i] - exact) ** 2;
    }
  }
  return Math.sqrt(s / (N * D));
}

describe.each(CONFIGS)('exact Gaussian, $name', (cfg) => {
  let model: LoadedDiffusionModel;
  let consistency: LoadedDiffusionModel;
  let wide: LoadedDiffusionModel;
  beforeAll(async () => {
    const base = { means: [MU], std: STD, channels: C, height: H, width: W, prediction: cfg.prediction, schedule: cfg.schedule, timestepScale: cfg.timestepScale };
    model = await exactModel(base);
    consistency = await exactModel({ ...base, prediction: 'x0', consistency: true });
    wide = await exactModel({ ...base, std: WIDE });
  });

  it.each(['ddim', 'euler'] as const)('%s converges to the exact ODE map at first order', async (sampler) => {
    const e40 = await odeError(model, sampler, 40);
    const e160 = await odeError(model, sampler, 160);
    expect(e160).toBeLessThan(0.015);
    // First order: 4× the steps ≈ a quarter of the error.
    expect(e160 / e40).toBeGreaterThan(0.15);
    expect(e160 / e40).toBeLessThan(0.35);
  });

  it('dpmpp_2m converges faster and beats DDIM and Euler at equal steps', async () => {
    const e40 = await odeError(model, 'dpmpp_2m', 40);
    const e160 = await odeError(model, 'dpmpp_2m', 160);
    expect(e160).toBeLessThan(2e-3);
    expect(e160).toBeLessThan(e40 / 2);
    const d80 = await odeError(model, 'dpmpp_2m', 80);
    expect(d80).toBeLessThan((await odeError(model, 'ddim', 80)) / 2);
    expect(d80).toBeLessThan((await odeError(model, 'euler', 80)) / 2);
  });

  it.each(['euler_a', 'ddim'] as const)('%s (stochastic, η = 1) reproduces the mean and standard deviation, converging with steps', async (sampler) => {
    // A wider Gaussian than above: ancestral first-order error shrinks slowly (~1/steps), and
    // the test must stay fast on two cores. Both walk the uniform grid: Karras grids on the
    // cosine schedule (σ_max ≈ 2·10⁴) spend most steps where nothing happens.
    const N = 600;
    const run = (steps: number) => sampleImages(wide, { batch: N, seed: 11, steps, sampler, eta: 1, grid: 'uniform' }).then((y) => moments(y, N, MU, WIDE));
    const coarse = await run(40);
    const fine = await run(160);
    expect(fine.meanZ).toBeLessThan(4.5);
    expect(Math.abs(fine.stdRel)).toBeLessThan(0.06);
    expect(Math.abs(fine.stdRel)).toBeLessThan(Math.abs(coarse.stdRel) / 2.5);
  });

  it.each([1, 4])('lcm with the exact consistency function reproduces the Gaussian in %i step(s)', async (steps) => {
    const N = 1500;
    const y = await sampleImages(consistency, { batch: N, seed: 5, steps, sampler: 'lcm' });
    const m = moments(y, N, MU, STD);
    expect(m.meanZ).toBeLessThan(4.5);
    expect(Math.abs(m.stdRel)).toBeLessThan(0.03);
  });
});

describe('mixture of templates', () => {
  const K = 3;
  const S = 0.02;
  const templates = Array.from({ length: K }, (_, k) => template(D, k));

  it.each(CONFIGS)('every sampler lands on the templates, all of them reached ($name)', async (cfg) => {
    const model = await exactModel({ means: templates, std: S, channels: C, height: H, width: W, prediction: cfg.prediction, schedule: cfg.schedule, timestepScale: cfg.timestepScale });
    const N = 300;
    for (const sampler of SAMPLER_NAMES) {
      const y = await sampleImages(model, { batch: N, seed: 7, steps: sampler === 'lcm' ? 24 : 40, sampler });
      const counts = new Array(K).fill(0);
      for (let n = 0; n < N; n++) {
        const hit = nearest(y.subarray(n * D, (n + 1) * D), templates);
        expect(hit.rms, `${sampler} sample ${n}`).toBeLessThan(4 * S);
        counts[hit.k]++;
      }
      // Equal prior weights: each component near N/3 (binomial sd ≈ 8).
      for (const c of counts) expect(c, `${sampler} counts ${counts}`).toBeGreaterThan(N / K - 40);
    }
  });

  it('classifier-free guidance moves samples to the conditioned component in one batched call', async () => {
    const two = templates.slice(0, 2);
    const model = await exactModel({ means: two, std: S, channels: C, height: H, width: W, prediction: 'eps', schedule: CONFIGS[0].schedule, conditional: true });
    const batches: number[] = [];
    const spy = { contract: model.contract, predict: (x: Float32Array, t: Float32Array, b: number, c: Record<string, Float32Array | BigInt64Array>) => (batches.push(b), model.predict(x, t, b, c)) };
    const N = 200;
    const share = async (cls: number | null, cfg: number) => {
      const y = await sampleImages(spy, { batch: N, seed: 9, steps: 20, sampler: 'dpmpp_2m', cfg, conditioning: cls === null ? undefined : { class_labels: BigInt64Array.of(BigInt(cls)) } });
      let onFirst = 0;
      for (let n = 0; n < N; n++) if (nearest(y.subarray(n * D, (n + 1) * D), two).k === 0) onFirst++;
      return onFirst / N;
    };
    const free = await share(null, 1);
    expect(free).toBeGreaterThan(0.35);
    expect(free).toBeLessThan(0.65);
    batches.length = 0;
    expect(await share(0, 3)).toBeGreaterThan(0.97);
    expect(new Set(batches)).toEqual(new Set([2 * N]));
    expect(await share(1, 3)).toBeLessThan(0.03);
  });
});
