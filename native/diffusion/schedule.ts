// Noise schedules, all reduced to one picture: at noise level σ a model sees
//   x = a·x0 + b·noise,  σ = b/a  (σ is the noise-to-signal ratio of Karras et al. 2022, "EDM"),
// and a "level" in [0, 1] that is the fraction of the schedule's own time axis (the scale
// img2img strength is measured on).
//   ddpm   (Ho et al. 2020): ᾱ_i = Π_{j≤i}(1-β_j), a = √ᾱ, b = √(1-ᾱ), σ_i = √((1-ᾱ_i)/ᾱ_i).
//          Betas: linear = evenly spaced from beta_start to beta_end; scaled_linear = evenly
//          spaced square roots, squared (Stable Diffusion); cosine = Nichol & Dhariwal 2021,
//          ᾱ(u) = cos²((u+s)/(1+s)·π/2) with each β capped at 0.999. The model's timestep is the
//          training index; between two indices it is interpolated linearly in log σ, so any σ
//          inside [σ_0, σ_{T-1}] has a fractional timestep (diffusers UNets accept floats).
//   sigmas (variance exploding, EDM): a = 1, b = σ; the timestep input is σ itself, so any
//          EDM preconditioning (c_in, c_noise, c_skip, c_out) belongs inside the exported graph.
//          Level f maps to σ = σ_min^(1-f)·σ_max^f.
//   flow   (rectified flow): a = 1-t, b = t, level = timestep = t; σ = t/(1-t) is infinite at t = 1,
//          which is why every sampler works on (a, b) and never divides by a.
import type { ScheduleSpec } from '../../models/diffusion/contract';

/** One noise level as the samplers need it. */
export interface NoiseLevel {
  a: number;
  b: number;
  /** Value for the model's timestep input (before the contract's timestep_scale). */
  time: number;
  /** Position on the schedule's time axis, 0 = clean, 1 = the noisiest level trained. */
  level: number;
}

export interface Schedule {
  readonly spec: ScheduleSpec;
  /** Smallest and largest finite σ of the schedule (flow: σ_max is Infinity). */
  readonly sigmaMin: number;
  readonly sigmaMax: number;
  atLevel(level: number): NoiseLevel;
  atSigma(sigma: number): NoiseLevel;
}

export const CLEAN: NoiseLevel = { a: 1, b: 0, time: 0, level: 0 };

/** ᾱ for each training index, exactly as diffusers computes it (float64 here). */
export function ddpmAlphasCumprod(spec: Extract<ScheduleSpec, { type: 'ddpm' }>): Float64Array {
  const T = spec.trainSteps;
  const betas = new Float64Array(T);
  if (spec.beta === 'cosine') {
    const f = (u: number) => Math.cos(((u + spec.cosineS) / (1 + spec.cosineS)) * (Math.PI / 2)) ** 2;
    for (let i = 0; i < T; i++) betas[i] = Math.min(1 - f((i + 1) / T) / f(i / T), 0.999);
  } else {
    const lo = spec.beta === 'linear' ? spec.betaStart : Math.sqrt(spec.betaStart);
    const hi = spec.beta === 'linear' ? spec.betaEnd : Math.sqrt(spec.betaEnd);
    for (let i = 0; i < T; i++) {
      const v = T === 1 ? lo : lo + ((hi - lo) * i) / (T - 1);
      betas[i] = spec.beta === 'linear' ? v : v * v;
    }
  }
  const out = new Float64Array(T);
  let prod = 1;
  for (let i = 0; i < T; i++) {
    prod *= 1 - betas[i];
    out[i] = prod;
  }
  return out;
}

/** log σ for each training index (increasing). */
export function ddpmLogSigmas(spec: Extract<ScheduleSpec, { type: 'ddpm' }>): Float64Array {
  const ac = ddpmAlphasCumprod(spec);
  return ac.map((v) => 0.5 * Math.log((1 - v) / v));
}

function fromSigmaVp(sigma: number, time: number, level: number): NoiseLevel {
  const a = 1 / Math.sqrt(1 + sigma * sigma);
  return { a, b: sigma * a, time, level };
}

function ddpmSchedule(spec: Extract<ScheduleSpec, { type: 'ddpm' }>): Schedule {
  const logS = ddpmLogSigmas(spec);
  const T = logS.length;
  const last = T - 1;
  const atIndex = (idx: number): NoiseLevel => {
    const t = Math.min(Math.max(idx, 0), last);
    const i0 = Math.min(Math.floor(t), Math.max(last - 1, 0));
    const frac = t - i0;
    const ls = T === 1 ? logS[0] : logS[i0] + frac * (logS[i0 + 1] - logS[i0]);
    return fromSigmaVp(Math.exp(ls), t, last === 0 ? 1 : t / last);
  };
  return {
    spec,
    sigmaMin: Math.exp(logS[0]),
    sigmaMax: Math.exp(logS[last]),
    atLevel: (level) => atIndex(level * last),
    atSigma(sigma) {
      const ls = Math.log(sigma);
      if (ls <= logS[0]) return atIndex(0);
      if (ls >= logS[last]) return atIndex(last);
      // Binary search for the bracketing indices; log σ increases with the index.
      let lo = 0;
      let hi = last;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (logS[mid] <= ls) lo = mid;
        else hi = mid;
      }
      return atIndex(lo + (ls - logS[lo]) / (logS[hi] - logS[lo]));
    },
  };
}

function sigmasSchedule(spec: Extract<ScheduleSpec, { type: 'sigmas' }>): Schedule {
  const lmin = Math.log(spec.sigmaMin);
  const lmax = Math.log(spec.sigmaMax);
  const at = (sigma: number, level: number): NoiseLevel => ({ a: 1, b: sigma, time: sigma, level });
  return {
    spec,
    sigmaMin: spec.sigmaMin,
    sigmaMax: spec.sigmaMax,
    atLevel: (level) => at(Math.exp(lmin + level * (lmax - lmin)), level),
    atSigma: (sigma) => at(sigma, Math.min(1, Math.max(0, (Math.log(sigma) - lmin) / (lmax - lmin)))),
  };
}

function flowSchedule(spec: Extract<ScheduleSpec, { type: 'flow' }>): Schedule {
  const at = (t: number): NoiseLevel => ({ a: 1 - t, b: t, time: t, level: t });
  return {
    spec,
    sigmaMin: 0,
    sigmaMax: Infinity,
    atLevel: (level) => at(Math.min(1, Math.max(0, level))),
    atSigma: (sigma) => at(sigma === Infinity ? 1 : sigma / (1 + sigma)),
  };
}

export function createSchedule(spec: ScheduleSpec): Schedule {
  switch (spec.type) {
    case 'ddpm':
      return ddpmSchedule(spec);
    case 'sigmas':
      return sigmasSchedule(spec);
    case 'flow':
      return flowSchedule(spec);
  }
}

export type GridKind = 'karras' | 'uniform';

/**
 * The noise levels a sampler visits, from `startLevel` down to clean (the last entry is
 * always CLEAN and is never passed to the model). `steps` model evaluations.
 *   uniform: evenly spaced on the schedule's time axis (DDIM's "trailing" spacing when startLevel = 1).
 *   karras:  σ_i = (σ_max^(1/ρ) + i/(n-1)·(σ_min^(1/ρ) - σ_max^(1/ρ)))^ρ, ρ = 7 (Karras et al. 2022),
 *            with σ_max the σ at startLevel. Flow schedules have no finite σ_max at t = 1, so they
 *            always use the uniform grid, as rectified-flow samplers do.
 */
export function noiseGrid(schedule: Schedule, steps: number, kind: GridKind, startLevel = 1): NoiseLevel[] {
  if (!Number.isInteger(steps) || steps < 1) throw new RangeError(`steps must be a whole number ≥ 1, got ${steps}`);
  if (!(startLevel > 0 && startLevel <= 1)) throw new RangeError(`start level must be in (0, 1], got ${startLevel}`);
  const out: NoiseLevel[] = [];
  if (kind === 'karras' && schedule.spec.type !== 'flow') {
    const rho = 7;
    const sMax = schedule.atLevel(startLevel);
    const hi = Math.pow(sMax.b / sMax.a, 1 / rho);
    const lo = Math.pow(Math.min(schedule.sigmaMin, sMax.b / sMax.a), 1 / rho);
    for (let i = 0; i < steps; i++) {
      const sigma = steps === 1 ? Math.pow(hi, rho) : Math.pow(hi + (i / (steps - 1)) * (lo - hi), rho);
      out.push(i === 0 ? sMax : schedule.atSigma(sigma));
    }
  } else {
    for (let i = 0; i < steps; i++) out.push(schedule.atLevel((startLevel * (steps - i)) / steps));
  }
  out.push(CLEAN);
  return out;
}
