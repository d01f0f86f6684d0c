// `npm run bench -- diffusion`: the sampler loop's own cost per step (model call excluded),
// the model-call time of a 256² RGB exact denoiser, and each sampler's error versus steps
// against the exact probability-flow map of a Gaussian.
import { readOnnxMetadata } from '../../models/convert/onnx/graph-builder';
import { parseDiffusionContract, SAMPLER_NAMES, type DiffusionContract } from '../../models/diffusion/contract';
import { buildExactDenoiser } from '../../models/diffusion/exact-denoiser';
import { wrapSession } from '../../native/diffusion/model';
import { fillNoise } from '../../native/diffusion/noise';
import { DEFAULT_GRID, sampleImages, type Denoiser } from '../../native/diffusion/sample';
import { createSchedule, noiseGrid } from '../../native/diffusion/schedule';
import { createSession } from '../../native/runtime/session';
import { CONFIGS, template } from '../unit/diffusion/helpers';
import { fmt, median, printTable, timeRuns } from './stats';

const SIZE = 256;

async function loopOverhead(contract: DiffusionContract): Promise<void> {
  // A "model" that costs nothing: returns the same preallocated buffer every call.
  const D = 3 * SIZE * SIZE;
  const zeros = new Float32Array(2 * D);
  const free: Denoiser = { contract, predict: async (_x, _t, b) => zeros.subarray(0, b * D) };
  // Per step = the median gap between consecutive progress reports (robust to a busy machine);
  // the one-off start (initial noise, grid) is the time to the first report minus one step.
  const rows: (string | number)[][] = [];
  const measure = async (label: string, opts: Omit<Parameters<typeof sampleImages>[1], 'steps' | 'onProgress'>) => {
    const gaps: number[] = [];
    const starts: number[] = [];
    for (let run = 0; run < 3; run++) {
      const stamps: number[] = [];
      const t0 = performance.now();
      await sampleImages(free, { ...opts, steps: 20, onProgress: () => stamps.push(performance.now()) });
      for (let i = 1; i < stamps.length; i++) gaps.push(stamps[i] - stamps[i - 1]);
      starts.push(stamps[0] - t0);
    }
    const perStep = median(gaps);
    rows.push([label, fmt(perStep), fmt(Math.max(0, median(starts) - perStep))]);
  };
  for (const sampler of SAMPLER_NAMES) await measure(sampler, { batch: 1, seed: 1, sampler });
  await measure('dpmpp_2m + CFG (batch 2)', { batch: 1, seed: 1, sampler: 'dpmpp_2m', cfg: 3, conditioning: { class_labels: BigInt64Array.of(0n) } });
  console.log(`\nSampler loop, model call excluded (${SIZE}² RGB, batch 1; euler_a and lcm draw fresh noise every step)`);
  printTable(['sampler', 'per step', 'one-off start'], rows);
}

async function modelCall(): Promise<DiffusionContract> {
  const D = 3 * SIZE * SIZE;
  const spec = { means: [0, 1, 2, 3].map((k) => template(D, k)), std: 0.1, channels: 3, height: SIZE, width: SIZE, prediction: 'eps' as const, schedule: CONFIGS[0].schedule, conditional: true };
  const bytes = buildExactDenoiser(spec);
  const contract = parseDiffusionContract(readOnnxMetadata(bytes));
  const loaded = await createSession(bytes, { preference: 'cpu' });
  const model = wrapSession(loaded.session, contract);
  const rows: (string | number)[][] = [];
  for (const batch of [1, 2, 4]) {
    const x = new Float32Array(batch * D);
    fillNoise(x, 1, 'bench', batch);
    const t = new Float32Array(batch).fill(500);
    const cond = { class_labels: new BigInt64Array(batch) };
    const runs = await timeRuns(() => model.predict(x, t, batch, cond), 10, 2);
    rows.push([batch, fmt(median(runs)), fmt(median(runs) / batch)]);
  }
  console.log(`\nModel call: exact 4-component mixture denoiser, ${SIZE}² RGB, ${(bytes.length / 1e6).toFixed(1)} MB, ${loaded.provider}`);
  printTable(['batch', 'per call', 'per image'], rows);
  await loaded.session.release();
  return contract;
}

async function errorTable(): Promise<void> {
  const D = 16;
  const N = 200;
  const STD = 0.2;
  const mu = template(D, 0);
  const stepsList = [5, 10, 20, 40, 80, 160];
  const rows: (string | number)[][] = [];
  for (const cfg of CONFIGS) {
    const bytes = buildExactDenoiser({ means: [mu], std: STD, channels: 1, height: 4, width: 4, prediction: cfg.prediction, schedule: cfg.schedule, timestepScale: cfg.timestepScale });
    const loaded = await createSession(bytes, { preference: 'cpu', intraOpThreads: 1 });
    const model = wrapSession(loaded.session, parseDiffusionContract(readOnnxMetadata(bytes)));
    for (const sampler of ['ddim', 'euler', 'dpmpp_2m'] as const) {
      const errs: number[] = [];
      for (const steps of stepsList) {
        const y = await sampleImages(model, { batch: N, seed: 3, steps, sampler });
        const start = noiseGrid(createSchedule(model.contract.schedule), steps, DEFAULT_GRID[sampler])[0];
        const eps = new Float32Array(N * D);
        fillNoise(eps, 3, 'init', N);
        const shrink = STD / Math.sqrt(start.a ** 2 * STD ** 2 + start.b ** 2);
        let s = 0;
        for (let i = 0; i < N * D; i++) s += (y[i] - (mu[i % D] + (start.b * eps[i] - start.a * mu[i % D]) * shrink)) ** 2;
        errs.push(Math.sqrt(s / (N * D)));
      }
      // Fewest steps from which the error stays at or below 1e-2.
      let need = '>160';
      for (let i = stepsList.length - 1; i >= 0 && errs[i] <= 1e-2; i--) need = String(stepsList[i]);
      rows.push([cfg.name, `${sampler} (${DEFAULT_GRID[sampler]})`, ...errs.map((e) => e.toExponential(1)), need]);
    }
    await loaded.session.release();
  }
  console.log('\nRMS error vs the exact ODE map of N(μ, 0.2²) (200 samples × 16 values, same initial noise)');
  printTable(['model', 'sampler (grid)', ...stepsList.map((s) => `${s} steps`), 'steps for ≤1e-2'], rows);
}

export async function run(): Promise<void> {
  const contract = await modelCall();
  await loopOverhead(contract);
  await errorTable();
}
