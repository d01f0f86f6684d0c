// Exact denoisers as ONNX graphs: the Bayes-optimal network for a known data distribution,
// so samplers can be checked against the distribution they must reproduce. Test-only models.
//
// Data: a mixture of K Gaussians N(μ_k, s²·I) with prior weights π_k (K = 1 is a plain
// Gaussian). Seen at noise level (a, b), x = a·x0 + b·ε, each component gives
// x | k ~ N(a·μ_k, V·I) with V = a²s² + b², so
//   responsibilities  w = softmax_k( log π_k + (a·⟨x, μ_k⟩ - a²·|μ_k|²/2) / V )
//   posterior mean    E[x0 | x] = (b²/V)·Σ_k w_k μ_k + (a·s²/V)·x.
// Every term stays finite at a = 0 (pure noise), where the answer is the prior mean.
// Conditional variant: an int64 class input c picks the prior: c < K keeps only component c,
// c = K ("no conditioning") keeps all of them.
// Consistency variant (K = 1 only): the end point of the probability-flow ODE, which for a
// Gaussian is μ + (x - a·μ)·s/√V (each coordinate's z-score is constant along the ODE); its x0
// output is what an LCM/consistency model is trained to output.
import { OnnxGraphBuilder } from '../convert/onnx/graph-builder';
import { predictionFromX0, type Arith } from '../../native/diffusion/prediction';
import { ddpmLogSigmas } from '../../native/diffusion/schedule';
import { contractToMetadata, type DiffusionContract, type Prediction, type SamplerName, type ScheduleSpec } from './contract';

export interface ExactDenoiserSpec {
  /** K component means, each channels×height×width in NCHW order, in model value space. */
  means: Float32Array[];
  /** Per-component standard deviation s (the same for all components). */
  std: number;
  /** Prior weights (normalised here); equal when omitted. */
  weights?: number[];
  channels: number;
  height: number;
  width: number;
  prediction: Prediction;
  schedule: ScheduleSpec;
  timestepScale?: number;
  conditional?: boolean;
  consistency?: boolean;
  valueRange?: [number, number];
  recommendedSteps?: number;
  recommendedSampler?: SamplerName;
  title?: string;
}

export const CLASS_INPUT = 'class_labels';

/** The contract an exact denoiser carries (always marked test-only). */
export function exactDenoiserContract(spec: ExactDenoiserSpec): DiffusionContract {
  const K = spec.means.length;
  return {
    prediction: spec.prediction,
    schedule: spec.schedule,
    timestepScale: spec.timestepScale ?? 1,
    width: spec.width,
    height: spec.height,
    channels: spec.channels,
    layout: 'NCHW',
    valueRange: spec.valueRange ?? [-1, 1],
    colorSpace: 'srgb',
    inputs: { sample: 'sample', timestep: 'timestep' },
    output: 'prediction',
    conditioning: spec.conditional ? [{ name: CLASS_INPUT, kind: 'class', dtype: 'int64', shape: [], uncond: K }] : [],
    recommendedSteps: spec.recommendedSteps ?? (spec.consistency ? 4 : 20),
    recommendedSampler: spec.recommendedSampler ?? (spec.consistency ? 'lcm' : 'dpmpp_2m'),
    recommendedCfg: 1,
    title: spec.title ?? `Exact ${spec.consistency ? 'consistency' : 'denoiser'} of a ${K}-component Gaussian mixture (test only)`,
    testOnly: true,
  };
}

function graphArith(g: OnnxGraphBuilder): Arith<string> {
  return {
    add: (x, y) => g.op('Add', [x, y]),
    sub: (x, y) => g.op('Sub', [x, y]),
    mul: (x, y) => g.op('Mul', [x, y]),
    div: (x, y) => g.op('Div', [x, y]),
    constant: (v) => g.constFloat('k', [v], []),
  };
}

/** Graph nodes computing a and b (each [batch]) from the timestep input, per schedule. */
function noiseCoefficients(g: OnnxGraphBuilder, schedule: ScheduleSpec, t: string): { a: string; b: string } {
  const one = g.constFloat('one', [1], []);
  if (schedule.type === 'flow') return { a: g.op('Sub', [one, t]), b: t };
  let sigma: string;
  if (schedule.type === 'sigmas') sigma = t;
  else {
    // Fractional training index → log σ by linear interpolation between neighbouring indices,
    // the inverse of what the sampler does when it turns a σ into a timestep.
    const logS = ddpmLogSigmas(schedule);
    const last = logS.length - 1;
    const table = g.constFloat('log_sigmas', Float32Array.from(logS));
    const tc = g.op('Clip', [t, g.constFloat('zero', [0], []), g.constFloat('last', [last], [])]);
    const i0f = g.op('Min', [g.op('Floor', [tc]), g.constFloat('last_lo', [Math.max(last - 1, 0)], [])]);
    const frac = g.op('Sub', [tc, i0f]);
    const i0 = g.op('Cast', [i0f], { to: { kind: 'i', value: 7 } });
    const i1 = g.op('Min', [g.op('Add', [i0, g.constInt64('one_i', [1], [])]), g.constInt64('last_i', [last], [])]);
    const l0 = g.op('Gather', [table, i0]);
    const l1 = g.op('Gather', [table, i1]);
    sigma = g.op('Exp', [g.op('Add', [l0, g.op('Mul', [frac, g.op('Sub', [l1, l0])])])]);
  }
  if (schedule.type === 'sigmas') return { a: g.op('Add', [g.op('Mul', [t, g.constFloat('zero_a', [0], [])]), one]), b: sigma };
  const a = g.op('Reciprocal', [g.op('Sqrt', [g.op('Add', [one, g.op('Mul', [sigma, sigma])])])]);
  return { a, b: g.op('Mul', [sigma, a]) };
}

/** Builds the ONNX bytes of the exact denoiser for spec, with its contract in metadata. */
export function buildExactDenoiser(spec: ExactDenoiserSpec): Uint8Array {
  const K = spec.means.length;
  const D = spec.channels * spec.height * spec.width;
  if (K < 1) throw new Error('an exact denoiser needs at least one component');
  for (const [k, m] of spec.means.entries()) if (m.length !== D) throw new Error(`mean ${k} has ${m.length} values, expected ${D}`);
  if (spec.consistency && (K !== 1 || spec.prediction !== 'x0')) throw new Error('the consistency variant is defined for one Gaussian with x0 prediction');
  const contract = exactDenoiserContract(spec);
  const g = new OnnxGraphBuilder('exact_denoiser');
  const sample = g.input('sample', ['batch', spec.channels, spec.height, spec.width]);
  const tIn = g.input('timestep', ['batch']);
  const labels = spec.conditional ? g.input(CLASS_INPUT, ['batch'], 'int64') : null;
  const ar = graphArith(g);

  const t = g.op('Div', [tIn, g.constFloat('timestep_scale', [contract.timestepScale], [])]);
  const ab = noiseCoefficients(g, spec.schedule, t);
  const axis1 = g.constInt64('axis1', [1]);
  const a = g.op('Unsqueeze', [ab.a, axis1]); // [batch, 1]
  const b = g.op('Unsqueeze', [ab.b, axis1]);
  const x = g.op('Reshape', [sample, g.constInt64('flat', [0, -1])]); // [batch, D]
  const s2 = ar.constant(spec.std * spec.std);
  const V = ar.add(ar.mul(ar.mul(a, a), s2), ar.mul(b, b));

  const means = new Float32Array(K * D);
  spec.means.forEach((m, k) => means.set(m, k * D));
  let x0: string;
  if (spec.consistency) {
    const mu = g.constFloat('mu', means, [1, D]);
    x0 = ar.add(mu, ar.mul(ar.sub(x, ar.mul(a, mu)), ar.div(ar.constant(spec.std), g.op('Sqrt', [V]))));
  } else {
    const meansT = new Float32Array(D * K);
    const halfNorm = new Float32Array(K);
    for (let k = 0; k < K; k++) {
      for (let i = 0; i < D; i++) {
        meansT[i * K + k] = means[k * D + i];
        halfNorm[k] += 0.5 * means[k * D + i] ** 2;
      }
    }
    const w = spec.weights ?? new Array<number>(K).fill(1);
    const wSum = w.reduce((p, q) => p + q, 0);
    const logPrior = w.map((v) => Math.log(v / wSum));
    const dots = g.op('MatMul', [x, g.constFloat('means_t', meansT, [D, K])]); // [batch, K]
    let logits = ar.div(ar.sub(ar.mul(a, dots), ar.mul(ar.mul(a, a), g.constFloat('half_norm', halfNorm, [K]))), V);
    if (labels) {
      // Row c < K: only component c (others get -1e4, far below any likelihood gap); row K: the prior.
      const table = new Float32Array((K + 1) * K);
      for (let c = 0; c < K; c++) for (let k = 0; k < K; k++) table[c * K + k] = c === k ? 0 : -1e4;
      table.set(logPrior, K * K);
      logits = ar.add(logits, g.op('Gather', [g.constFloat('log_prior_by_class', table, [K + 1, K]), labels]));
    } else {
      logits = ar.add(logits, g.constFloat('log_prior', logPrior, [K]));
    }
    const resp = g.op('Softmax', [logits], { axis: { kind: 'i', value: -1 } });
    const mBar = g.op('MatMul', [resp, g.constFloat('means', means, [K, D])]); // [batch, D]
    x0 = ar.add(ar.mul(ar.div(ar.mul(b, b), V), mBar), ar.mul(ar.div(ar.mul(a, s2), V), x));
  }
  let pred = x0;
  if (spec.prediction !== 'x0') {
    const coef = predictionFromX0(spec.prediction, a, b, ar);
    pred = ar.add(ar.mul(coef.cx, x), ar.mul(coef.cp, x0));
  }
  g.node('Reshape', [pred, g.op('Shape', [sample])], ['prediction']);
  g.output('prediction', ['batch', spec.channels, spec.height, spec.width]);
  for (const [key, value] of Object.entries(contractToMetadata(contract))) g.metadata(key, value);
  return g.toBytes();
}
