// The converter's working state: the ONNX graph under construction and the layout
// conversions already emitted, so each tensor is transposed at most once per direction.
import { attr, type Attr, type OnnxGraphBuilder } from '../onnx/graph-builder';
import type { TfNode } from './model-json';
import { AttrReader } from './attrs';
import {
  TO_NCHW,
  TO_NHWC,
  layoutsShareMemoryOrder,
  transposeData,
  type ConstValue,
  type DynValue,
  type Shape,
  type Value,
} from './values';

export function sanitize(name: string): string {
  return name.replace(/^StatefulPartitionedCall\/model\//, '').replace(/[^A-Za-z0-9_./-]/g, '_');
}

export class ConversionContext {
  private readonly nchwOf = new Map<string, string>();
  private readonly tfOf = new Map<string, string>();
  private readonly constNames = new Map<string, string>();

  constructor(
    readonly g: OnnxGraphBuilder,
    /** Names the model in every error. */
    readonly label: string,
  ) {}

  /** Adds one ONNX node whose single output is named after `prefix`. */
  emit(op: string, inputs: readonly string[], prefix: string, attrs?: Record<string, Attr>): string {
    return this.g.node(op, inputs, [this.g.fresh(sanitize(prefix))], attrs)[0];
  }

  int64(values: readonly number[], dims?: readonly number[]): string {
    const key = `i64:${dims ?? ''}:${values.join(',')}`;
    let name = this.constNames.get(key);
    if (!name) {
      name = this.g.constInt64('shape', values, dims);
      this.constNames.set(key, name);
    }
    return name;
  }

  floatInit(prefix: string, data: Float32Array, dims: readonly number[]): string {
    return this.g.initializer(sanitize(prefix), data, dims);
  }

  /** The NCHW form of a 4-D tensor. */
  asNchw(v: DynValue): string {
    if (v.shape.length !== 4) throw new Error(`${this.label}: internal: asNchw on rank ${v.shape.length}`);
    if (v.layout === 'nchw') return v.name;
    let out = this.nchwOf.get(v.name);
    if (!out) {
      out = this.relayout(v.name, v.shape, 'nchw');
      this.nchwOf.set(v.name, out);
      this.tfOf.set(out, v.name);
    }
    return out;
  }

  /** The TF-order form of a tensor. */
  asTf(v: DynValue): string {
    if (v.layout === 'tf') return v.name;
    let out = this.tfOf.get(v.name);
    if (!out) {
      out = this.relayout(v.name, v.shape, 'tf');
      this.tfOf.set(v.name, out);
      this.nchwOf.set(out, v.name);
    }
    return out;
  }

  private relayout(name: string, nhwc: Shape, to: 'nchw' | 'tf'): string {
    if (layoutsShareMemoryOrder(nhwc) && nhwc.slice(1).every((d) => d > 0)) {
      // Same memory order: a Reshape is free where a Transpose copies.
      const [, h, w, c] = nhwc;
      const target = to === 'nchw' ? [0, c, h, w] : [0, h, w, c];
      return this.emit('Reshape', [name, this.int64(target)], `${name}_${to}`);
    }
    return this.emit('Transpose', [name], `${name}_${to}`, { perm: attr.ints(to === 'nchw' ? TO_NCHW : TO_NHWC) });
  }

  /**
   * A constant as an initializer that broadcasts against tensors of the given layout and rank:
   * for NCHW targets it is padded to rank 4 in TF order, then permuted.
   */
  constFor(c: ConstValue, layout: 'nchw' | 'tf', targetRank: number): string {
    if (c.dtype !== 'float32') throw new Error(`${this.label}: ${c.source} is an int32 tensor used where float data is needed`);
    const key = `${c.source}|${layout}|${targetRank}`;
    let name = this.constNames.get(key);
    if (name) return name;
    const data = c.data as Float32Array;
    if (layout === 'nchw' && c.shape.length > 0 && data.length > 1) {
      if (c.shape.length > 4) throw new Error(`${this.label}: constant ${c.source} of rank ${c.shape.length} cannot broadcast against a 4-D tensor`);
      const padded = [...new Array(4 - c.shape.length).fill(1), ...c.shape];
      const dims = TO_NCHW.map((p) => padded[p]);
      name = this.floatInit(c.source, transposeData(data, padded, TO_NCHW), dims);
    } else {
      name = this.floatInit(c.source, data, c.shape);
    }
    this.constNames.set(key, name);
    return name;
  }

  attrs(node: TfNode): AttrReader {
    return new AttrReader(node, this.label);
  }
}

export interface OpCall {
  node: TfNode;
  inputs: Value[];
  ctx: ConversionContext;
  at: AttrReader;
  /** "model: node (op)" for errors. */
  where: string;
}

export type OpHandler = (call: OpCall) => Value | Value[];
