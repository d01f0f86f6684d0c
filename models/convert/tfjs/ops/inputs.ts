// Typed access to an op's inputs, with errors that say which node needed what.
import type { OpCall, ConversionContext } from '../context';
import type { ConstValue, DynValue, Shape, Value } from '../values';

export function shapeOf(v: Value): Shape {
  return v.shape;
}

/** A tensor in the ONNX graph; a float constant used as data becomes an initializer. */
export function dynOf(ctx: ConversionContext, v: Value, where: string): DynValue {
  if (v.kind === 'dyn') return v;
  if (v.kind === 'const' && v.dtype === 'float32') {
    return { kind: 'dyn', name: ctx.constFor(v, 'tf', v.shape.length), shape: v.shape, layout: 'tf' };
  }
  throw new Error(`${where}: an integer shape value is used as float data, which the converter does not support`);
}

export function dynInput(call: OpCall, i: number): DynValue {
  const v = call.inputs[i];
  if (!v) throw new Error(`${call.where}: input ${i} is missing`);
  return dynOf(call.ctx, v, call.where);
}

export function constInput(call: OpCall, i: number, what: string): ConstValue {
  const v = call.inputs[i];
  if (!v || v.kind !== 'const') {
    throw new Error(`${call.where}: ${what} (input ${i}) must be a constant, but it is computed at run time; the converter cannot fold it`);
  }
  return v;
}

/** Integer values of a constant or folded shape computation (null = unknown until run time). */
export function intValues(v: Value, where: string): (number | null)[] {
  if (v.kind === 'sym') return v.values;
  if (v.kind === 'const') return Array.from(v.data, (x) => x);
  throw new Error(`${where}: needs integer values known at conversion time, but gets a run-time tensor`);
}

export function knownInts(call: OpCall, i: number, what: string): number[] {
  const vals = intValues(call.inputs[i], `${call.where} ${what}`);
  if (vals.some((x) => x === null)) throw new Error(`${call.where}: ${what} depends on the batch size, which is not supported here`);
  return vals as number[];
}

/** A 4-D input in NCHW form, with its NHWC shape. */
export function nchwInput(call: OpCall, i: number): { name: string; shape: Shape } {
  const v = dynInput(call, i);
  if (v.shape.length !== 4) throw new Error(`${call.where}: expects a 4-D NHWC tensor, got shape [${v.shape}]`);
  return { name: call.ctx.asNchw(v), shape: v.shape };
}

export function dataFormatNhwc(call: OpCall): void {
  const fmt = call.at.string('data_format', 'NHWC');
  if (fmt !== 'NHWC') throw new Error(`${call.where}: data_format ${fmt} is not supported (only NHWC)`);
}

export function nchwOut(name: string, shape: Shape): DynValue {
  return { kind: 'dyn', name, shape, layout: 'nchw' };
}
