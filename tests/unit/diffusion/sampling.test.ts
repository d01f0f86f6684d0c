// img2img, per-pixel strength (inpainting), determinism, progress and cancellation.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedDiffusionModel } from '../../../native/diffusion/model';
import { fillNoise } from '../../../native/diffusion/noise';
import { sampleImages } from '../../../native/diffusion/sample';
import { CONFIGS, exactModel, template } from './helpers';

const C = 1, H = 8, W = 8, D = C * H * W;

/** A smooth 8×8 input: a diagonal gradient, mostly low frequencies. */
const INPUT = Float32Array.from({ length: D }, (_, i) => 0.8 * ((i % W) + Math.floor(i / W)) / (W + H - 2) - 0.4);

/** RMS of the difference of 4×4 block means (the low frequencies) and of what is left (the high ones). */
function bands(a: Float32Array, b: Float32Array): { low: number; high: number } {
  let low = 0;
  let high = 0;
  for (let by = 0; by < H; by += 4) {
    for (let bx = 0; bx < W; bx += 4) {
      let m = 0;
      for (let y = by; y < by + 4; y++) for (let x = bx; x < bx + 4; x++) m += a[y * W + x] - b[y * W + x];
      m /= 16;
      low += m * m * 16;
      for (let y = by; y < by + 4; y++) for (let x = bx; x < bx + 4; x++) high += (a[y * W + x] - b[y * W + x] - m) ** 2;
    }
  }
  return { low: Math.sqrt(low / D), high: Math.sqrt(high / D) };
}

describe.each(CONFIGS)('img2img and masks ($name)', (cfg) => {
  let model: LoadedDiffusionModel;
  beforeAll(async () => {
    // Data: N(0, 0.5²) per pixel. SDEdit from INPUT must stay near it at low strength.
    model = await exactModel({ means: [new Float32Array(D)], std: 0.5, channels: C, height: H, width: W, prediction: cfg.prediction, schedule: cfg.schedule, timestepScale: cfg.timestepScale });
  });

  it('keeps the input low frequencies, less so as strength grows', async () => {
    const N = 64;
    const lows: number[] = [];
    for (const strength of [0.1, 0.3, 0.6, 0.9]) {
      const y = await sampleImages(model, { batch: N, seed: 21, steps: 12, sampler: 'dpmpp_2m', init: INPUT, strength });
      let low = 0;
      let high = 0;
      for (let n = 0; n < N; n++) {
        const b = bands(y.subarray(n * D, (n + 1) * D), INPUT);
        low += b.low / N;
        high += b.high / N;
      }
      lows.push(low);
      // Noise is white: it moves the high band more than the block means.
      expect(high).toBeGreaterThan(low);
    }
    expect(lows[0]).toBeLessThan(0.15);
    for (let i = 1; i < lows.length; i++) expect(lows[i]).toBeGreaterThan(lows[i - 1]);
  });

  it('per-pixel strength 0 keeps those pixels exactly; the rest is resampled', async () => {
    const mask = Float32Array.from({ length: H * W }, (_, p) => (p % W < W / 2 ? 0 : 1));
    for (const sampler of ['ddim', 'euler_a', 'dpmpp_2m', 'lcm'] as const) {
      const y = await sampleImages(model, { batch: 4, seed: 2, steps: 10, sampler, init: INPUT, strength: 1, pixelStrength: mask });
      for (let n = 0; n < 4; n++) {
        let changed = 0;
        for (let p = 0; p < D; p++) {
          if (mask[p] === 0) expect(y[n * D + p], `${sampler} pixel ${p}`).toBe(INPUT[p]);
          else changed += Math.abs(y[n * D + p] - INPUT[p]);
        }
        expect(changed / (D / 2)).toBeGreaterThan(0.1);
      }
    }
  });
});

describe('determinism, progress, cancellation', () => {
  let model: LoadedDiffusionModel;
  beforeAll(async () => {
    model = await exactModel({ means: [template(D, 0), template(D, 1)], std: 0.1, channels: C, height: H, width: W, prediction: 'eps', schedule: CONFIGS[0].schedule });
  });
  const bytes = (x: Float32Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);

  it('same seed gives the same tensor bytes, another seed does not', async () => {
    for (const sampler of ['euler_a', 'dpmpp_2m', 'lcm'] as const) {
      const a = await sampleImages(model, { batch: 3, seed: 1234, steps: 6, sampler });
      const b = await sampleImages(model, { batch: 3, seed: 1234, steps: 6, sampler });
      const c = await sampleImages(model, { batch: 3, seed: 1235, steps: 6, sampler });
      expect(bytes(a).equals(bytes(b))).toBe(true);
      expect(bytes(a).equals(bytes(c))).toBe(false);
    }
  });

  it('sample i gets the same noise alone or in a batch', async () => {
    const alone = await sampleImages(model, { batch: 1, seed: 77, steps: 5, sampler: 'euler_a' });
    const batch = await sampleImages(model, { batch: 4, seed: 77, steps: 5, sampler: 'euler_a' });
    expect(Math.max(...alone.map((v, i) => Math.abs(v - batch[i])))).toBeLessThan(1e-5);
  });

  it('noise bytes are pinned (portable across machines)', () => {
    const z = new Float32Array(64);
    fillNoise(z, 42, 'init', 2);
    // Pinned on first implementation; a change here changes every user's seeds.
    expect(createHash('sha256').update(bytes(z)).digest('hex').slice(0, 16)).toBe('5dd03e4bc157a2ba');
    expect(Math.abs(z.reduce((p, v) => p + v, 0) / 64)).toBeLessThan(0.5);
  });

  it('reports progress per step and stops between steps when aborted', async () => {
    const seen: string[] = [];
    await sampleImages(model, { batch: 1, seed: 1, steps: 4, sampler: 'ddim', onProgress: (s, t) => seen.push(`${s}/${t}`) });
    expect(seen).toEqual(['1/4', '2/4', '3/4', '4/4']);

    const ctrl = new AbortController();
    let calls = 0;
    const counting = { contract: model.contract, predict: (...a: Parameters<typeof model.predict>) => (calls++, model.predict(...a)) };
    const run = sampleImages(counting, { batch: 1, seed: 1, steps: 10, sampler: 'ddim', signal: ctrl.signal, onProgress: (s) => s === 3 && ctrl.abort() });
    await expect(run).rejects.toThrow(/abort/i);
    expect(calls).toBe(3);
  });
});
