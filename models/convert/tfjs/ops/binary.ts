// Element-wise ops with TF broadcasting. When any operand is a 4-D NCHW activation, the
// others are brought to NCHW (constants are permuted at conversion time). Constant and
// shape-only operands are folded in JS.

import type { ConversionContext, OpCall, OpHandler } from '../context';
import { broadcastShapes, type DynValue, type Shape, type Value } from '../values';
import { dynOf, intValues } from './inputs';

type Fold = (a: number, b: number) => number;

function foldInts(call: OpCall, fold: Fold): Value {
  const [a, b] = call.inputs.map((v) => intValues(v, call.where));
  const shape = broadcastShapes(call.inputs[0].shape, call.inputs[1].shape, call.where);
  if (a.length !== 1 && b.length !== 1 && a.length !== b.length) throw new Error(`${call.where}: cannot fold shapes [${call.inputs[0].shape}] and [${call.inputs[1].shape}]`);
  const n = Math.max(a.length, b.length);
  const values = Array.from({ length: n }, (_, i) => {
    const x = a[a.length === 1 ? 0 : i];
    const y = b[b.length === 1 ? 0 : i];
    return x === null || y === null ? null : fold(x, y);
  });
  return { kind: 'sym', shape, values };
}

function foldFloats(call: OpCall, fold: Fold): Value {
  const [a, b] = call.inputs;
  if (a.kind !== 'const' || b.kind !== 'const') throw new Error(`${call.where}: internal: foldFloats on non-constants`);
  const shape = broadcastShapes(a.shape, b.shape, call.where);
  const n = shape.reduce((x, y) => x * y, 1);
  if ((a.data.length !== 1 && a.data.length !== n) || (b.data.length !== 1 && b.data.length !== n)) {
    throw new Error(`${call.where}: folding constants of shapes [${a.shape}] and [${b.shape}] needs general broadcasting, which is not supported`);
  }
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = fold(a.data[a.data.length === 1 ? 0 : i], b.data[b.data.length === 1 ? 0 : i]);
  return { kind: 'const', dtype: 'float32', shape, data: out, source: call.node.name };
}

/** Brings a tensor to a 4-D NCHW operand (lower ranks are first aligned to the right, as TF broadcasting does). */
function toNchw4(ctx: ConversionContext, v: DynValue): string {
  if (v.shape.length === 4) return ctx.asNchw(v);
  const missing = 4 - v.shape.length;
  const axes = Array.from({ length: missing }, (_, i) => i);
  const lifted = ctx.emit('Unsqueeze', [v.name, ctx.int64(axes)], `${v.name}_4d`);
  return ctx.asNchw({ kind: 'dyn', name: lifted, shape: [...new Array(missing).fill(1), ...v.shape], layout: 'tf' });
}

/** The ONNX operand names for `values` in one common layout, plus that layout and the broadcast shape. */
export function alignOperands(call: OpCall, values: Value[]): { names: string[]; layout: 'nchw' | 'tf'; shape: Shape } {
  let shape: Shape = [];
  for (const v of values) shape = broadcastShapes(shape, v.shape, call.where);
  return { ...alignLayouts(call, values, shape.length), shape };
}

/** Puts tensors that combine into a result of rank `rank` into one layout: NCHW if any 4-D operand already is. */
export function alignLayouts(call: OpCall, values: Value[], rank: number): { names: string[]; layout: 'nchw' | 'tf' } {
  const { ctx, where } = call;
  const nchw = rank === 4 && values.some((v) => v.kind === 'dyn' && v.layout === 'nchw');
  const names = values.map((v) => {
    if (v.kind === 'const' && v.dtype === 'float32') return ctx.constFor(v, nchw ? 'nchw' : 'tf', rank);
    const d = dynOf(ctx, v, where);
    return nchw ? toNchw4(ctx, d) : ctx.asTf(d);
  });
  return { names, layout: nchw ? 'nchw' : 'tf' };
}

function binary(onnxOp: string, fold: Fold): OpHandler {
  return (call) => {
    const [a, b] = call.inputs;
    if (!a || !b) throw new Error(`${call.where}: needs two inputs`);
    const isInt = (v: Value) => v.kind === 'sym' || (v.kind === 'const' && v.dtype === 'int32');
    if (isInt(a) || isInt(b)) return foldInts(call, fold);
    if (a.kind === 'const' && b.kind === 'const') return foldFloats(call, fold);
    const { names, layout, shape } = alignOperands(call, [a, b]);
    return { kind: 'dyn', name: call.ctx.emit(onnxOp, names, call.node.name), shape, layout };
  };
}

const addN: OpHandler = (call) => {
  const { names, layout, shape } = alignOperands(call, call.inputs);
  const name = names.length === 1 ? names[0] : call.ctx.emit('Sum', names, call.node.name);
  return { kind: 'dyn', name, shape, layout };
};

const biasAdd: OpHandler = (call) => {
  const fmt = call.at.string('data_format', 'NHWC');
  if (fmt !== 'NHWC') throw new Error(`${call.where}: BiasAdd data_format ${fmt} is not supported`);
  return binary('Add', (x, y) => x + y)(call);
};

export const binaryOps: Record<string, OpHandler> = {
  Add: binary('Add', (x, y) => x + y),
  AddV2: binary('Add', (x, y) => x + y),
  Sub: binary('Sub', (x, y) => x - y),
  Mul: binary('Mul', (x, y) => x * y),
  RealDiv: binary('Div', (x, y) => x / y),
  Maximum: binary('Max', Math.max),
  Minimum: binary('Min', Math.min),
  BiasAdd: biasAdd,
  AddN: addN,
};

