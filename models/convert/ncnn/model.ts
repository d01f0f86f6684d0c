// Turns a parsed .param plus its .bin into typed layers with NCNN's defaults resolved and
// weights decoded. Both the ONNX converter and the plain-TypeScript reference forward pass
// read this form, so each of them only has to implement arithmetic, not NCNN's file rules.
import { NcnnWeightReader } from './bin';
import { arrayParam, NcnnParseError, parseNcnnParam, scalarParam, type NcnnLayer } from './param';

export type NcnnActivation =
  | { type: 'none' }
  | { type: 'relu' }
  | { type: 'leakyrelu'; slope: number }
  | { type: 'clip'; min: number; max: number }
  | { type: 'sigmoid' };

interface Base {
  name: string;
  inputs: string[];
  outputs: string[];
}

export interface NcnnConvolution extends Base {
  kind: 'Convolution';
  outChannels: number;
  inChannels: number;
  kernelH: number;
  kernelW: number;
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
  /** top, left, bottom, right */
  pads: [number, number, number, number];
  /** [out][in][kh][kw], the same order as ONNX OIHW. */
  weight: Float32Array;
  bias: Float32Array | null;
  activation: NcnnActivation;
}

export type NcnnOp =
  | (Base & { kind: 'Input' })
  | (Base & { kind: 'Split' })
  | NcnnConvolution
  | (Base & { kind: 'PReLU'; slopes: Float32Array })
  | (Base & { kind: 'ReLU'; slope: number })
  | (Base & { kind: 'PixelShuffle'; factor: number; mode: 'CRD' | 'DCR' })
  | (Base & { kind: 'InterpNearest'; scaleH: number; scaleW: number })
  | (Base & { kind: 'BinaryOp'; op: BinaryOpName; scalar: number | null })
  | (Base & { kind: 'Eltwise'; op: 'prod' | 'sum' | 'max'; coeffs: number[] | null })
  | (Base & { kind: 'Concat'; channelAxis: 0 | 1 | 2 });

export type BinaryOpName = 'add' | 'sub' | 'mul' | 'div' | 'max' | 'min';
const BINARY_OPS: BinaryOpName[] = ['add', 'sub', 'mul', 'div', 'max', 'min'];

export interface NcnnModel {
  ops: NcnnOp[];
  /** The blob the Input layer produces. */
  inputBlob: string;
  /** The one blob produced but never consumed. */
  outputBlob: string;
}

export const SUPPORTED_NCNN_LAYERS = ['Input', 'Split', 'Convolution', 'PReLU', 'ReLU', 'PixelShuffle', 'Interp', 'BinaryOp', 'Eltwise', 'Concat'];

function fail(layer: NcnnLayer, message: string): never {
  throw new NcnnParseError(`${layer.type} layer "${layer.name}": ${message}`);
}

function arity(layer: NcnnLayer, nIn: number | 'many', nOut: number | 'many'): void {
  if (nIn !== 'many' && layer.inputs.length !== nIn) fail(layer, `expects ${nIn} input blob(s), has ${layer.inputs.length}`);
  if (nOut !== 'many' && layer.outputs.length !== nOut) fail(layer, `expects ${nOut} output blob(s), has ${layer.outputs.length}`);
}

function activationOf(layer: NcnnLayer): NcnnActivation {
  const type = scalarParam(layer, 9, 0);
  const p = arrayParam(layer, 10) ?? [];
  switch (type) {
    case 0:
      return { type: 'none' };
    case 1:
      return { type: 'relu' };
    case 2:
      return { type: 'leakyrelu', slope: p[0] ?? 0 };
    case 3:
      if (p.length < 2) fail(layer, 'clip activation needs min and max');
      return { type: 'clip', min: p[0], max: p[1] };
    case 4:
      return { type: 'sigmoid' };
    default:
      return fail(layer, `fused activation type ${type} is not supported (supported: none, relu, leakyrelu, clip, sigmoid)`);
  }
}

function convolution(layer: NcnnLayer, reader: NcnnWeightReader): NcnnConvolution {
  arity(layer, 1, 1);
  const outChannels = scalarParam(layer, 0, 0);
  const kernelW = scalarParam(layer, 1, 0);
  const kernelH = scalarParam(layer, 11, kernelW);
  const dilationW = scalarParam(layer, 2, 1);
  const dilationH = scalarParam(layer, 12, dilationW);
  const strideW = scalarParam(layer, 3, 1);
  const strideH = scalarParam(layer, 13, strideW);
  const padLeft = scalarParam(layer, 4, 0);
  const padRight = scalarParam(layer, 15, padLeft);
  const padTop = scalarParam(layer, 14, padLeft);
  const padBottom = scalarParam(layer, 16, padTop);
  const padValue = scalarParam(layer, 18, 0);
  const biasTerm = scalarParam(layer, 5, 0);
  const weightSize = scalarParam(layer, 6, 0);
  if (scalarParam(layer, 8, 0) !== 0) fail(layer, 'int8 convolution is not supported');
  if (scalarParam(layer, 19, 0) !== 0) fail(layer, 'dynamic weights are not supported');
  if ([padLeft, padRight, padTop, padBottom].some((v) => v < 0)) fail(layer, 'SAME-style padding (-233/-234) is not supported');
  if (padValue !== 0) fail(layer, `pad value ${padValue} is not supported (only 0)`);
  if (outChannels <= 0 || kernelW <= 0 || kernelH <= 0) fail(layer, 'num_output and kernel size must be positive');
  const inChannels = weightSize / (outChannels * kernelH * kernelW);
  if (!Number.isInteger(inChannels) || inChannels <= 0) {
    fail(layer, `weight_data_size ${weightSize} is not a multiple of ${outChannels}×${kernelH}×${kernelW}`);
  }
  const weight = reader.readTagged(weightSize, `${layer.name} weights`);
  const bias = biasTerm ? reader.readRaw(outChannels, `${layer.name} bias`) : null;
  return {
    kind: 'Convolution',
    name: layer.name,
    inputs: layer.inputs,
    outputs: layer.outputs,
    outChannels,
    inChannels,
    kernelH,
    kernelW,
    strideH,
    strideW,
    dilationH,
    dilationW,
    pads: [padTop, padLeft, padBottom, padRight],
    weight,
    bias,
    activation: activationOf(layer),
  };
}

function toOp(layer: NcnnLayer, reader: NcnnWeightReader): NcnnOp {
  const base = { name: layer.name, inputs: layer.inputs, outputs: layer.outputs };
  switch (layer.type) {
    case 'Input':
      arity(layer, 0, 1);
      return { ...base, kind: 'Input' };
    case 'Split':
      arity(layer, 1, 'many');
      return { ...base, kind: 'Split' };
    case 'Convolution':
      return convolution(layer, reader);
    case 'PReLU': {
      arity(layer, 1, 1);
      const n = scalarParam(layer, 0, 0);
      if (n <= 0) fail(layer, 'num_slope must be positive');
      return { ...base, kind: 'PReLU', slopes: reader.readRaw(n, `${layer.name} slopes`) };
    }
    case 'ReLU':
      arity(layer, 1, 1);
      return { ...base, kind: 'ReLU', slope: scalarParam(layer, 0, 0) };
    case 'PixelShuffle': {
      arity(layer, 1, 1);
      const factor = scalarParam(layer, 0, 1);
      const mode = scalarParam(layer, 1, 0);
      if (mode !== 0 && mode !== 1) fail(layer, `mode ${mode} is unknown`);
      return { ...base, kind: 'PixelShuffle', factor, mode: mode === 0 ? 'CRD' : 'DCR' };
    }
    case 'Interp': {
      arity(layer, 1, 1);
      const type = scalarParam(layer, 0, 0);
      if (type !== 1) fail(layer, `resize type ${type} is not supported (only 1 = nearest)`);
      if (scalarParam(layer, 3, 0) || scalarParam(layer, 4, 0) || scalarParam(layer, 5, 0)) {
        fail(layer, 'a fixed or dynamic output size is not supported (only scale factors)');
      }
      return { ...base, kind: 'InterpNearest', scaleH: scalarParam(layer, 1, 1), scaleW: scalarParam(layer, 2, 1) };
    }
    case 'BinaryOp': {
      const type = scalarParam(layer, 0, 0);
      const withScalar = scalarParam(layer, 1, 0) !== 0;
      if (!BINARY_OPS[type]) fail(layer, `operation ${type} is not supported`);
      arity(layer, withScalar ? 1 : 2, 1);
      return { ...base, kind: 'BinaryOp', op: BINARY_OPS[type], scalar: withScalar ? scalarParam(layer, 2, 0) : null };
    }
    case 'Eltwise': {
      arity(layer, 'many', 1);
      if (layer.inputs.length < 2) fail(layer, 'needs at least two inputs');
      const type = scalarParam(layer, 0, 0);
      const op = (['prod', 'sum', 'max'] as const)[type];
      if (!op) fail(layer, `operation ${type} is unknown`);
      const coeffs = arrayParam(layer, 1) ?? null;
      if (coeffs && op === 'sum' && coeffs.length !== layer.inputs.length) fail(layer, `has ${coeffs.length} coefficients for ${layer.inputs.length} inputs`);
      return { ...base, kind: 'Eltwise', op, coeffs: op === 'sum' ? coeffs : null };
    }
    case 'Concat': {
      arity(layer, 'many', 1);
      let axis = scalarParam(layer, 0, 0);
      if (axis < 0) axis += 3;
      if (axis !== 0 && axis !== 1 && axis !== 2) fail(layer, `axis ${axis} is out of range for a C×H×W blob`);
      return { ...base, kind: 'Concat', channelAxis: axis };
    }
    default:
      throw new NcnnParseError(`unsupported NCNN layer type "${layer.type}" (layer "${layer.name}"); supported: ${SUPPORTED_NCNN_LAYERS.join(', ')}`);
  }
}

export function loadNcnnModel(paramText: string, bin: Uint8Array): NcnnModel {
  const param = parseNcnnParam(paramText);
  const reader = new NcnnWeightReader(bin);
  const ops = param.layers.map((l) => toOp(l, reader));
  if (reader.remaining !== 0) {
    throw new NcnnParseError(`.bin has ${reader.remaining} bytes left after the last layer: it does not belong to this .param`);
  }
  const inputsOps = ops.filter((o) => o.kind === 'Input');
  if (inputsOps.length !== 1) throw new NcnnParseError(`expected exactly one Input layer, found ${inputsOps.length}`);
  const produced = new Set<string>();
  const consumed = new Set<string>();
  for (const op of ops) {
    for (const i of op.inputs) {
      if (!produced.has(i)) throw new NcnnParseError(`layer "${op.name}" reads blob "${i}" before any layer produces it`);
      consumed.add(i);
    }
    for (const o of op.outputs) {
      if (produced.has(o)) throw new NcnnParseError(`blob "${o}" is produced twice (second time by "${op.name}")`);
      produced.add(o);
    }
  }
  const outputs = [...produced].filter((b) => !consumed.has(b));
  if (outputs.length !== 1) throw new NcnnParseError(`expected one output blob, found ${outputs.length}: ${outputs.join(', ')}`);
  return { ops, inputBlob: inputsOps[0].outputs[0], outputBlob: outputs[0] };
}
