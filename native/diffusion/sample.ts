// The sampling loop: noise grid, classifier-free guidance, img2img start, per-pixel strength
// (inpainting and protected regions), progress and cancellation. Model calls are batched
// (all samples, and the conditional and unconditional halves of CFG, in one run); every
// buffer is allocated once before the first step.
import type { ConditioningSpec, DiffusionContract, SamplerName } from '../../models/diffusion/contract';
import { fillNoise } from './noise';
import { numberArith, x0FromPrediction } from './prediction';
import { createSchedule, noiseGrid, type GridKind, type NoiseLevel } from './schedule';
import { consistencyStep, dpmpp2mStep, firstOrderStep, type MultistepMemory } from './steps';

export type CondValue = Float32Array | BigInt64Array;
export type CondFeeds = Record<string, CondValue>;

/** Anything that maps a batch of noisy samples to the network's raw prediction. */
export interface Denoiser {
  readonly contract: DiffusionContract;
  /** sample: batch × C×H×W (model space), timestep: batch values (already scaled). Returns batch × C×H×W. */
  predict(sample: Float32Array, timestep: Float32Array, batch: number, cond: CondFeeds): Promise<Float32Array>;
}

export interface SampleOptions {
  batch: number;
  seed: number;
  steps?: number;
  sampler?: SamplerName;
  /** DDIM's η (0 = deterministic); ignored by the other samplers. */
  eta?: number;
  /** Grid override; defaults: uniform for DDIM and LCM, Karras for the others. */
  grid?: GridKind;
  /** Guidance scale w: d = d_uncond + w·(d_cond - d_uncond); 1 = no guidance (one model call). */
  cfg?: number;
  /** One value per conditioning input of the contract, for the whole batch (batch × value) or one sample (broadcast). */
  conditioning?: CondFeeds;
  /** img2img: the clean image(s) in model space, batch × C×H×W or one image (broadcast). */
  init?: Float32Array;
  /**
   * img2img strength in (0, 1]: sampling starts at this level of the schedule's time axis
   * (SDEdit, Meng et al. 2022: t0 = strength·T), from the init image noised to that level,
   * and then runs `steps` steps down to clean. This differs from diffusers, which runs
   * round(strength·steps) of a full-length grid: here the step count is what you pay for.
   */
  strength?: number;
  /**
   * Per-pixel strength (H×W, or batch×H×W), 0..1; needs init. A pixel is held to the init image
   * (noised to the current level with its fixed init noise) while the current level is above
   * its strength, then sampled freely, as in differential diffusion (Levin & Fried 2023).
   * 0 keeps the pixel exactly (inpainting's "keep"); ≥ strength means no restriction.
   */
  pixelStrength?: Float32Array;
  onProgress?(step: number, total: number): void;
  signal?: AbortSignal;
}

export const DEFAULT_GRID: Record<SamplerName, GridKind> = {
  ddim: 'uniform',
  euler: 'karras',
  euler_a: 'karras',
  dpmpp_2m: 'karras',
  lcm: 'uniform',
};

function condSizeOf(c: ConditioningSpec): number {
  return c.shape.reduce((p, d) => p * d, 1);
}

/** The unconditional value for one conditioning input, repeated for `batch` samples. */
function uncondValue(c: ConditioningSpec, batch: number): CondValue {
  const n = condSizeOf(c) * batch;
  if (c.dtype === 'int64') return new BigInt64Array(n).fill(typeof c.uncond === 'number' ? BigInt(c.uncond) : 0n);
  return new Float32Array(n).fill(typeof c.uncond === 'number' ? c.uncond : 0);
}

function expandCond(c: ConditioningSpec, v: CondValue, batch: number): CondValue {
  const per = condSizeOf(c);
  if (c.dtype === 'int64' && !(v instanceof BigInt64Array)) throw new TypeError(`conditioning "${c.name}" must be a BigInt64Array`);
  if (c.dtype === 'float32' && !(v instanceof Float32Array)) throw new TypeError(`conditioning "${c.name}" must be a Float32Array`);
  if (v.length === per * batch) return v;
  if (v.length !== per) throw new RangeError(`conditioning "${c.name}" has ${v.length} values; expected ${per} (one sample) or ${per * batch}`);
  const out = c.dtype === 'int64' ? new BigInt64Array(per * batch) : new Float32Array(per * batch);
  for (let n = 0; n < batch; n++) (out as Float32Array).set(v as Float32Array, n * per);
  return out;
}

/** Concatenates the conditional and unconditional feeds into one doubled batch. */
function stackCond(contract: DiffusionContract, cond: CondFeeds, uncond: CondFeeds): CondFeeds {
  const out: CondFeeds = {};
  for (const c of contract.conditioning) {
    const a = cond[c.name];
    const b = uncond[c.name];
    const both = c.dtype === 'int64' ? new BigInt64Array(a.length + b.length) : new Float32Array(a.length + b.length);
    (both as Float32Array).set(a as Float32Array, 0);
    (both as Float32Array).set(b as Float32Array, a.length);
    out[c.name] = both;
  }
  return out;
}

function broadcast(v: Float32Array, total: number, what: string): Float32Array {
  if (v.length === total) return v;
  if (total % v.length !== 0) throw new RangeError(`${what} has ${v.length} values, which does not divide the batch's ${total}`);
  const out = new Float32Array(total);
  for (let o = 0; o < total; o += v.length) out.set(v, o);
  return out;
}

/** Runs one sampling job; returns batch × C×H×W in the model's value space. */
export async function sampleImages(model: Denoiser, opts: SampleOptions): Promise<Float32Array> {
  const c = model.contract;
  const N = opts.batch;
  const D = c.channels * c.height * c.width;
  const HW = c.height * c.width;
  const sampler = opts.sampler ?? c.recommendedSampler;
  const steps = opts.steps ?? c.recommendedSteps;
  const cfg = opts.cfg ?? 1;
  const strength = opts.strength ?? 1;
  if (!Number.isInteger(N) || N < 1) throw new RangeError(`batch must be a whole number ≥ 1, got ${N}`);
  if (!(strength > 0 && strength <= 1)) throw new RangeError(`strength must be in (0, 1], got ${strength}`);
  if ((strength < 1 || opts.pixelStrength) && !opts.init) throw new Error('img2img strength below 1 and pixelStrength need an init image');

  const schedule = createSchedule(c.schedule);
  const grid = noiseGrid(schedule, steps, opts.grid ?? DEFAULT_GRID[sampler], strength);

  // Conditioning: the model is always given every declared input; missing ones get "no conditioning".
  const cond: CondFeeds = {};
  const uncond: CondFeeds = {};
  for (const spec of c.conditioning) {
    const given = opts.conditioning?.[spec.name];
    uncond[spec.name] = uncondValue(spec, N);
    cond[spec.name] = given ? expandCond(spec, given, N) : uncond[spec.name];
  }
  for (const name of Object.keys(opts.conditioning ?? {})) {
    if (!c.conditioning.some((s) => s.name === name)) throw new Error(`conditioning "${name}" is not an input of this model`);
  }
  const guided = cfg !== 1 && c.conditioning.length > 0;
  const callBatch = guided ? 2 * N : N;
  const callCond = guided ? stackCond(c, cond, uncond) : cond;

  const x = new Float32Array(N * D);
  const d = new Float32Array(N * D);
  const z = new Float32Array(N * D);
  // Without guidance the model reads x itself (it is not modified while the call runs).
  const modelIn = guided ? new Float32Array(callBatch * D) : x;
  const timeIn = new Float32Array(callBatch);
  const mem: MultistepMemory = { prev: new Float32Array(N * D), hPrev: NaN };

  // Start: pure noise, or the init image noised to the first level (both use "init" noise).
  const initNoise = new Float32Array(N * D);
  fillNoise(initNoise, opts.seed, 'init', N);
  const init = opts.init ? broadcast(opts.init, N * D, 'init image') : null;
  const first = grid[0];
  for (let i = 0; i < x.length; i++) x[i] = (init ? first.a * init[i] : 0) + first.b * initNoise[i];
  const pixelStrength = opts.pixelStrength ? broadcast(opts.pixelStrength, N * HW, 'pixelStrength') : null;

  const total = grid.length - 1;
  for (let s = 0; s < total; s++) {
    opts.signal?.throwIfAborted();
    const cur = grid[s];
    const next = grid[s + 1];
    if (guided) {
      modelIn.set(x, 0);
      modelIn.set(x, N * D);
    }
    timeIn.fill(cur.time * c.timestepScale);
    const pred = await model.predict(modelIn, timeIn, callBatch, callCond);
    if (pred.length !== callBatch * D) throw new Error(`model output "${c.output}" has ${pred.length} values; expected ${callBatch * D}`);
    toCleanEstimate(c, cur, x, pred, guided ? cfg : 1, d, N * D);

    if (sampler === 'dpmpp_2m') dpmpp2mStep(x, d, cur, next, mem);
    else if (sampler === 'lcm') {
      fillNoise(z, opts.seed, `step:${s}`, N);
      consistencyStep(x, d, next, z);
    } else {
      const eta = sampler === 'euler_a' ? 1 : sampler === 'ddim' ? (opts.eta ?? 0) : 0;
      if (eta > 0) fillNoise(z, opts.seed, `step:${s}`, N);
      firstOrderStep(x, d, cur, next, eta, eta > 0 ? z : null);
    }
    if (pixelStrength && init) holdPixels(x, init, initNoise, pixelStrength, next, N, c.channels, HW);
    opts.onProgress?.(s + 1, total);
  }
  return x;
}

/** d = x0 estimate, with guidance d_u + w·(d_c - d_u) (linear, so the same as guiding the raw output). */
function toCleanEstimate(c: DiffusionContract, cur: NoiseLevel, x: Float32Array, pred: Float32Array, w: number, d: Float32Array, n: number): void {
  const { cx, cp } = x0FromPrediction(c.prediction, cur.a, cur.b, numberArith);
  if (w === 1) {
    for (let i = 0; i < n; i++) d[i] = cx * x[i] + cp * pred[i];
    return;
  }
  for (let i = 0; i < n; i++) {
    const dc = cx * x[i] + cp * pred[i];
    const du = cx * x[i] + cp * pred[n + i];
    d[i] = du + w * (dc - du);
  }
}

/** Pixels whose strength is below the next level keep the init image at that level's noise. */
function holdPixels(x: Float32Array, init: Float32Array, noise: Float32Array, strength: Float32Array, next: NoiseLevel, N: number, C: number, HW: number): void {
  for (let n = 0; n < N; n++) {
    for (let p = 0; p < HW; p++) {
      if (strength[n * HW + p] >= next.level && next.level > 0) continue;
      if (next.level === 0 && strength[n * HW + p] > 0) continue;
      for (let ch = 0; ch < C; ch++) {
        const i = (n * C + ch) * HW + p;
        x[i] = next.a * init[i] + next.b * noise[i];
      }
    }
  }
}
