// What the converter knows about each TF tensor while it walks the graph.
// Shapes are always in TF (NHWC) order; -1 is a dimension unknown until run time (the batch).
// A 4-D activation lives in the ONNX graph as NCHW ('nchw'); anything else keeps TF order ('tf').

export type Shape = number[];

export interface DynValue {
  kind: 'dyn';
  /** ONNX tensor name. */
  name: string;
  shape: Shape;
  layout: 'nchw' | 'tf';
}

export interface ConstValue {
  kind: 'const';
  dtype: 'float32' | 'int32';
  shape: Shape;
  data: Float32Array | Int32Array;
  /** TF node name, used to name initializers. */
  source: string;
}

/** A small integer vector or scalar from a shape computation; null marks a run-time size (the batch). */
export interface SymValue {
  kind: 'sym';
  shape: Shape;
  values: (number | null)[];
}

export type Value = DynValue | ConstValue | SymValue;

/** NHWC → NCHW. */
export const TO_NCHW = [0, 3, 1, 2] as const;
/** NCHW → NHWC. */
export const TO_NHWC = [0, 2, 3, 1] as const;

/** Where a TF (NHWC) axis of a 4-D tensor sits in its NCHW form. */
export function nchwAxis(tfAxis: number): number {
  return TO_NCHW.indexOf(tfAxis as 0 | 1 | 2 | 3);
}

export function normAxis(axis: number, rank: number): number {
  return axis < 0 ? axis + rank : axis;
}

export function size(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Numpy/TF broadcasting of two shapes; -1 (unknown) wins over 1. */
export function broadcastShapes(a: Shape, b: Shape, where: string): Shape {
  const r = Math.max(a.length, b.length);
  const out: Shape = [];
  for (let i = 0; i < r; i++) {
    const x = a[a.length - r + i] ?? 1;
    const y = b[b.length - r + i] ?? 1;
    if (x === y || y === 1) out.push(x);
    else if (x === 1) out.push(y);
    else if (x === -1 || y === -1) out.push(x === -1 ? y : x);
    else throw new Error(`${where}: shapes [${a}] and [${b}] do not broadcast`);
  }
  return out;
}

/** Permutes the axes of row-major data: out.shape[i] = shape[perm[i]]. */
export function transposeData<T extends Float32Array | Int32Array>(data: T, shape: readonly number[], perm: readonly number[]): T {
  const rank = shape.length;
  const outShape = perm.map((p) => shape[p]);
  const inStrides = new Array<number>(rank);
  let s = 1;
  for (let i = rank - 1; i >= 0; i--) {
    inStrides[i] = s;
    s *= shape[i];
  }
  const out = new (data.constructor as new (n: number) => T)(data.length);
  const idx = new Array<number>(rank).fill(0);
  const strideOfOut = perm.map((p) => inStrides[p]);
  let src = 0;
  for (let o = 0; o < data.length; o++) {
    out[o] = data[src];
    for (let d = rank - 1; d >= 0; d--) {
      idx[d]++;
      src += strideOfOut[d];
      if (idx[d] < outShape[d]) break;
      src -= strideOfOut[d] * idx[d];
      idx[d] = 0;
    }
  }
  return out;
}

/**
 * True when an NHWC tensor and its NCHW form hold their values in the same memory order,
 * so a Reshape can stand in for a Transpose (C is 1, or H and W are both 1).
 */
export function layoutsShareMemoryOrder(nhwc: Shape): boolean {
  const [, h, w, c] = nhwc;
  return c === 1 || (h === 1 && w === 1);
}

/** ONNX dims for a graph input/output: unknown sizes become the symbolic 'batch'. */
export function onnxDims(shape: Shape): (number | string)[] {
  return shape.map((d, i) => (d === -1 ? (i === 0 ? 'batch' : `d${i}`) : d));
}
