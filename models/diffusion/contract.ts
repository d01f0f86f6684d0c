// The pixel-diffusion model contract: what an ONNX file must say about itself in its
// metadata_props before Pairlight will sample from it. Each fact is one flat key so that
// a model can be inspected with any ONNX viewer, and a refusal can name the exact key.
// models/DIFFUSION.md documents every key for people exporting their own model.
import { z } from 'zod';

export const KEY_PREFIX = 'pairlight.diffusion.';
export const TEST_ONLY_KEY = 'pairlight.testOnly';

export const PREDICTIONS = ['eps', 'v', 'x0', 'flow'] as const;
export type Prediction = (typeof PREDICTIONS)[number];

export const SAMPLER_NAMES = ['ddim', 'euler', 'euler_a', 'dpmpp_2m', 'lcm'] as const;
export type SamplerName = (typeof SAMPLER_NAMES)[number];

/** How the noise level evolves; see native/diffusion/schedule.ts for the formulas. */
export type ScheduleSpec =
  | { type: 'ddpm'; beta: 'linear' | 'scaled_linear'; betaStart: number; betaEnd: number; trainSteps: number }
  | { type: 'ddpm'; beta: 'cosine'; cosineS: number; trainSteps: number }
  | { type: 'sigmas'; sigmaMin: number; sigmaMax: number }
  | { type: 'flow' };

export interface ConditioningSpec {
  /** ONNX input name. */
  name: string;
  kind: 'class' | 'identity' | 'text';
  dtype: 'int64' | 'float32';
  /** Shape of one sample's value (without the batch dimension); [] for a class id. */
  shape: number[];
  /** The "no conditioning" value used for the unconditional half of classifier-free guidance. */
  uncond: number | 'zeros';
}

export interface DiffusionContract {
  prediction: Prediction;
  schedule: ScheduleSpec;
  /** The timestep input receives (schedule time) × timestepScale, e.g. 1000 for flow models trained on t·1000. */
  timestepScale: number;
  width: number;
  height: number;
  channels: number;
  layout: 'NCHW';
  /** Pixel value that the model sees for black and for white, e.g. [-1, 1]. */
  valueRange: [number, number];
  colorSpace: 'srgb' | 'linear';
  inputs: { sample: string; timestep: string };
  output: string;
  conditioning: ConditioningSpec[];
  recommendedSteps: number;
  recommendedSampler: SamplerName;
  recommendedCfg: number;
  title: string;
  testOnly: boolean;
}

/** Thrown when a model breaks the contract; `field` is the metadata key (or I/O name) at fault. */
export class ContractError extends Error {
  readonly code = 'MODEL_CONTRACT';
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(`Diffusion model refused: ${field} ${detail}`);
  }
}

const num = (what: string) =>
  z.string().transform((s, ctx) => {
    const v = Number(s);
    if (s.trim() === '' || !Number.isFinite(v)) ctx.addIssue({ code: 'custom', message: `must be ${what}` });
    return v;
  });
const positive = num('a positive number').refine((v) => v > 0, 'must be a positive number');
const posInt = num('a positive whole number').refine((v) => Number.isInteger(v) && v > 0, 'must be a positive whole number');
const json = <T extends z.ZodTypeAny>(inner: T) =>
  z.string().transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be JSON' });
      return z.NEVER;
    }
  }).pipe(inner);

const conditioningItem = z.object({
  name: z.string().min(1),
  kind: z.enum(['class', 'identity', 'text']),
  dtype: z.enum(['int64', 'float32']),
  shape: z.array(z.number().int().positive()),
  uncond: z.union([z.number(), z.literal('zeros')]),
});

const k = (name: string) => `${KEY_PREFIX}${name}`;

// One flat object keyed by the metadata keys themselves, so a zod issue's path is the key.
const baseSchema = z.object({
  [k('version')]: z.literal('1'),
  [k('prediction')]: z.enum(PREDICTIONS),
  [k('schedule')]: z.enum(['ddpm', 'sigmas', 'flow']),
  [k('timestep_scale')]: positive.default(1),
  [k('resolution')]: z.string().regex(/^\d+x\d+$/, 'must look like 256x256 (width x height)'),
  [k('channels')]: posInt,
  [k('layout')]: z.literal('NCHW'),
  [k('value_range')]: z.string().regex(/^-?[\d.]+,-?[\d.]+$/, 'must look like -1,1'),
  [k('color_space')]: z.enum(['srgb', 'linear']),
  [k('input.sample')]: z.string().min(1).default('sample'),
  [k('input.timestep')]: z.string().min(1).default('timestep'),
  [k('output')]: z.string().min(1).default('prediction'),
  [k('conditioning')]: json(z.array(conditioningItem)).default([]),
  [k('recommended_steps')]: posInt,
  [k('recommended_sampler')]: z.enum(SAMPLER_NAMES),
  [k('recommended_cfg')]: positive.default(1),
  [k('title')]: z.string().default('Unnamed diffusion model'),
  [TEST_ONLY_KEY]: z.enum(['true', 'false']).default('false'),
});

const ddpmLinear = z.object({
  [k('schedule.beta')]: z.enum(['linear', 'scaled_linear']),
  [k('schedule.beta_start')]: positive,
  [k('schedule.beta_end')]: positive,
  [k('schedule.train_steps')]: posInt,
});
const ddpmCosine = z.object({
  [k('schedule.beta')]: z.literal('cosine'),
  [k('schedule.cosine_s')]: num('a number').default(0.008),
  [k('schedule.train_steps')]: posInt,
});
const sigmas = z.object({ [k('schedule.sigma_min')]: positive, [k('schedule.sigma_max')]: positive });

function parseOrThrow<T extends z.ZodTypeAny>(schema: T, meta: Record<string, string>): z.output<T> {
  const r = schema.safeParse(meta);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = String(issue.path[0] ?? 'metadata');
  const got = meta[field];
  const detail = got === undefined ? 'is missing' : `${issue.message} (got "${got}")`;
  throw new ContractError(field, detail);
}

function parseSchedule(type: 'ddpm' | 'sigmas' | 'flow', meta: Record<string, string>): ScheduleSpec {
  if (type === 'flow') return { type };
  if (type === 'sigmas') {
    const s = parseOrThrow(sigmas, meta);
    const sigmaMin = s[k('schedule.sigma_min')] as number;
    const sigmaMax = s[k('schedule.sigma_max')] as number;
    if (!(sigmaMax > sigmaMin)) throw new ContractError(k('schedule.sigma_max'), `must exceed sigma_min (${sigmaMin})`);
    return { type, sigmaMin, sigmaMax };
  }
  const beta = meta[k('schedule.beta')];
  if (beta === 'cosine') {
    const s = parseOrThrow(ddpmCosine, meta);
    return { type, beta, cosineS: s[k('schedule.cosine_s')] as number, trainSteps: s[k('schedule.train_steps')] as number };
  }
  const s = parseOrThrow(ddpmLinear, meta);
  const betaStart = s[k('schedule.beta_start')] as number;
  const betaEnd = s[k('schedule.beta_end')] as number;
  if (!(betaEnd > betaStart && betaEnd < 1)) {
    throw new ContractError(k('schedule.beta_end'), `must lie between beta_start (${betaStart}) and 1 (got "${betaEnd}")`);
  }
  return {
    type,
    beta: s[k('schedule.beta')] as 'linear' | 'scaled_linear',
    betaStart,
    betaEnd,
    trainSteps: s[k('schedule.train_steps')] as number,
  };
}

/** Parses and checks the metadata of a diffusion model; throws ContractError naming the key. */
export function parseDiffusionContract(meta: Record<string, string>): DiffusionContract {
  const m = parseOrThrow(baseSchema, meta);
  const prediction = m[k('prediction')] as Prediction;
  const schedule = parseSchedule(m[k('schedule')] as 'ddpm' | 'sigmas' | 'flow', meta);
  // A flow velocity only means something on the straight path x = (1-t)·x0 + t·noise, and
  // v-prediction (Salimans & Ho) is defined on variance-preserving paths.
  if (prediction === 'flow' && schedule.type !== 'flow') {
    throw new ContractError(k('prediction'), `"${prediction}" cannot be used with the "${schedule.type}" schedule (flow prediction goes with the flow schedule only)`);
  }
  if (prediction === 'v' && schedule.type !== 'ddpm') {
    throw new ContractError(k('prediction'), `"v" needs a variance-preserving (ddpm) schedule, not "${schedule.type}"`);
  }
  const [width, height] = (m[k('resolution')] as string).split('x').map(Number);
  if (width < 1 || height < 1) throw new ContractError(k('resolution'), `must be at least 1x1 (got "${meta[k('resolution')]}")`);
  const [lo, hi] = (m[k('value_range')] as string).split(',').map(Number);
  if (!(hi > lo)) throw new ContractError(k('value_range'), `must have its high end above its low end (got "${meta[k('value_range')]}")`);
  const conditioning = m[k('conditioning')] as ConditioningSpec[];
  for (const c of conditioning) {
    if (c.kind === 'class' && (c.dtype !== 'int64' || c.shape.length !== 0 || typeof c.uncond !== 'number')) {
      throw new ContractError(k('conditioning'), `entry "${c.name}": a class input must be int64 with shape [] and a numeric uncond id`);
    }
    if (c.kind !== 'class' && c.dtype !== 'float32') {
      throw new ContractError(k('conditioning'), `entry "${c.name}": a ${c.kind} embedding must be float32`);
    }
  }
  return {
    prediction,
    schedule,
    timestepScale: m[k('timestep_scale')] as number,
    width,
    height,
    channels: m[k('channels')] as number,
    layout: 'NCHW',
    valueRange: [lo, hi],
    colorSpace: m[k('color_space')] as 'srgb' | 'linear',
    inputs: { sample: m[k('input.sample')] as string, timestep: m[k('input.timestep')] as string },
    output: m[k('output')] as string,
    conditioning,
    recommendedSteps: m[k('recommended_steps')] as number,
    recommendedSampler: m[k('recommended_sampler')] as SamplerName,
    recommendedCfg: m[k('recommended_cfg')] as number,
    title: m[k('title')] as string,
    testOnly: m[TEST_ONLY_KEY] === 'true',
  };
}

/** The inverse of parseDiffusionContract: the metadata a model file carries. */
export function contractToMetadata(c: DiffusionContract): Record<string, string> {
  const out: Record<string, string> = {
    [k('version')]: '1',
    [k('prediction')]: c.prediction,
    [k('schedule')]: c.schedule.type,
    [k('timestep_scale')]: String(c.timestepScale),
    [k('resolution')]: `${c.width}x${c.height}`,
    [k('channels')]: String(c.channels),
    [k('layout')]: c.layout,
    [k('value_range')]: `${c.valueRange[0]},${c.valueRange[1]}`,
    [k('color_space')]: c.colorSpace,
    [k('input.sample')]: c.inputs.sample,
    [k('input.timestep')]: c.inputs.timestep,
    [k('output')]: c.output,
    [k('conditioning')]: JSON.stringify(c.conditioning),
    [k('recommended_steps')]: String(c.recommendedSteps),
    [k('recommended_sampler')]: c.recommendedSampler,
    [k('recommended_cfg')]: String(c.recommendedCfg),
    [k('title')]: c.title,
    [TEST_ONLY_KEY]: String(c.testOnly),
  };
  const s = c.schedule;
  if (s.type === 'ddpm') {
    out[k('schedule.beta')] = s.beta;
    out[k('schedule.train_steps')] = String(s.trainSteps);
    if (s.beta === 'cosine') out[k('schedule.cosine_s')] = String(s.cosineS);
    else {
      out[k('schedule.beta_start')] = String(s.betaStart);
      out[k('schedule.beta_end')] = String(s.betaEnd);
    }
  } else if (s.type === 'sigmas') {
    out[k('schedule.sigma_min')] = String(s.sigmaMin);
    out[k('schedule.sigma_max')] = String(s.sigmaMax);
  }
  return out;
}

/** What a loaded session reports about one input or output. */
export interface IoInfo {
  name: string;
  type?: string;
  shape?: readonly (number | string)[];
}

const ORT_TYPE = { float32: 'float32', int64: 'int64' } as const;

function checkDims(field: string, actual: readonly (number | string)[] | undefined, expected: readonly number[]): void {
  // An empty shape means the runtime could not tell; symbolic dims accept any size.
  if (!actual || actual.length === 0) return;
  if (actual.length !== expected.length) {
    throw new ContractError(field, `has rank ${actual.length} [${actual.join(',')}] but the contract needs [batch${expected.slice(1).map((d) => `,${d}`).join('')}]`);
  }
  for (let i = 1; i < expected.length; i++) {
    if (typeof actual[i] === 'number' && actual[i] !== expected[i]) {
      throw new ContractError(field, `dimension ${i} is ${actual[i]} but the contract needs ${expected[i]} (shape [${actual.join(',')}])`);
    }
  }
}

/** Checks that the session's real inputs and outputs match what the metadata promises. */
export function checkSessionIo(c: DiffusionContract, inputs: readonly IoInfo[], outputs: readonly IoInfo[]): void {
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const need = (name: string, key: string): IoInfo => {
    const io = byName.get(name);
    if (!io) throw new ContractError(key, `names input "${name}" but the model's inputs are ${inputs.map((i) => `"${i.name}"`).join(', ')}`);
    return io;
  };
  const imageDims = [1, c.channels, c.height, c.width];
  const sample = need(c.inputs.sample, k('input.sample'));
  if (sample.type && sample.type !== 'float32') throw new ContractError(k('input.sample'), `input "${sample.name}" must be float32, not ${sample.type}`);
  checkDims(`${k('input.sample')} ("${sample.name}")`, sample.shape, imageDims);
  const ts = need(c.inputs.timestep, k('input.timestep'));
  if (ts.type && ts.type !== 'float32') throw new ContractError(k('input.timestep'), `input "${ts.name}" must be float32 with shape [batch], not ${ts.type}`);
  checkDims(`${k('input.timestep')} ("${ts.name}")`, ts.shape, [1]);
  for (const cond of c.conditioning) {
    const io = need(cond.name, k('conditioning'));
    if (io.type && io.type !== ORT_TYPE[cond.dtype]) throw new ContractError(k('conditioning'), `input "${cond.name}" is ${io.type} but the contract says ${cond.dtype}`);
    checkDims(`${k('conditioning')} ("${cond.name}")`, io.shape, [1, ...cond.shape]);
  }
  const declared = new Set([c.inputs.sample, c.inputs.timestep, ...c.conditioning.map((x) => x.name)]);
  const extra = inputs.filter((i) => !declared.has(i.name));
  if (extra.length) throw new ContractError(k('conditioning'), `does not describe the model's input(s) ${extra.map((i) => `"${i.name}"`).join(', ')}`);
  const out = outputs.find((o) => o.name === c.output);
  if (!out) throw new ContractError(k('output'), `names output "${c.output}" but the model's outputs are ${outputs.map((o) => `"${o.name}"`).join(', ')}`);
  checkDims(`${k('output')} ("${out.name}")`, out.shape, imageDims);
}
