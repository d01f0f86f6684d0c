// Shared fixtures for the diffusion tests: exact denoisers as live ORT sessions, and statistics.
import { readOnnxMetadata } from '../../../models/convert/onnx/graph-builder';
import { parseDiffusionContract, type Prediction } from '../../../models/diffusion/contract';
import type { ScheduleSpec } from '../../../models/diffusion/contract';
import { buildExactDenoiser, type ExactDenoiserSpec } from '../../../models/diffusion/exact-denoiser';
import { wrapSession, type LoadedDiffusionModel } from '../../../native/diffusion/model';
import { createSession } from '../../../native/runtime/session';

export const SCHEDULES: Record<string, ScheduleSpec> = {
  ddpmLinear: { type: 'ddpm', beta: 'linear', betaStart: 1e-4, betaEnd: 0.02, trainSteps: 1000 },
  ddpmCosine: { type: 'ddpm', beta: 'cosine', cosineS: 0.008, trainSteps: 1000 },
  sdScaledLinear: { type: 'ddpm', beta: 'scaled_linear', betaStart: 0.00085, betaEnd: 0.012, trainSteps: 1000 },
  edm: { type: 'sigmas', sigmaMin: 0.002, sigmaMax: 80 },
  flow: { type: 'flow' },
};

/** One configuration per prediction type, each on a schedule it is used with in practice. */
export const CONFIGS: { name: string; prediction: Prediction; schedule: ScheduleSpec; timestepScale?: number }[] = [
  { name: 'eps / ddpm linear', prediction: 'eps', schedule: SCHEDULES.ddpmLinear },
  { name: 'v / ddpm cosine', prediction: 'v', schedule: SCHEDULES.ddpmCosine },
  { name: 'x0 / edm sigmas', prediction: 'x0', schedule: SCHEDULES.edm },
  { name: 'flow / rectified flow (t·1000)', prediction: 'flow', schedule: SCHEDULES.flow, timestepScale: 1000 },
];

export async function exactModel(spec: ExactDenoiserSpec): Promise<LoadedDiffusionModel> {
  const bytes = buildExactDenoiser(spec);
  const contract = parseDiffusionContract(readOnnxMetadata(bytes));
  const { session } = await createSession(bytes, { intraOpThreads: 1, preference: 'cpu' });
  return wrapSession(session, contract);
}

/** A D-value pattern in [-0.6, 0.6], distinct per index k. */
export function template(D: number, k: number): Float32Array {
  return Float32Array.from({ length: D }, (_, i) => 0.6 * Math.sin(1.7 * (k + 1) * i + k));
}

export interface Moments {
  /** Largest |mean - μ| over coordinates, in units of the standard error. */
  meanZ: number;
  /** Pooled sample std / expected std - 1. */
  stdRel: number;
}

/** Per-coordinate moments of N samples of D values against N(mu, std²). */
export function moments(x: Float32Array, N: number, mu: Float32Array, std: number): Moments {
  const D = mu.length;
  let worst = 0;
  let ss = 0;
  for (let i = 0; i < D; i++) {
    let s = 0;
    for (let n = 0; n < N; n++) s += x[n * D + i];
    const m = s / N;
    worst = Math.max(worst, Math.abs(m - mu[i]) / (std / Math.sqrt(N)));
    for (let n = 0; n < N; n++) ss += (x[n * D + i] - m) ** 2;
  }
  return { meanZ: worst, stdRel: Math.sqrt(ss / (N * D - D)) / std - 1 };
}

/** Index of the nearest template and the RMS distance to it. */
export function nearest(sample: Float32Array, templates: Float32Array[]): { k: number; rms: number } {
  let best = { k: -1, rms: Infinity };
  templates.forEach((t, k) => {
    let s = 0;
    for (let i = 0; i < t.length; i++) s += (sample[i] - t[i]) ** 2;
    const rms = Math.sqrt(s / t.length);
    if (rms < best.rms) best = { k, rms };
  });
  return best;
}
