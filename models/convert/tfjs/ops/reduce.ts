// Reductions over constant axes. An NCHW input stays NCHW when the kept axes appear in the
// same order in both layouts (e.g. a spatial Mean leaving [N, C]); otherwise it is first
// brought back to TF order.
import { attr } from '../../onnx/graph-builder';
import type { OpCall, OpHandler } from '../context';
import { nchwAxis, normAxis, type DynValue } from '../values';
import { dynInput, knownInts } from './inputs';

function keptOrderMatches(removed: Set<number>): boolean {
  const kept = [0, 1, 2, 3].filter((a) => !removed.has(a));
  const inNchw = [...kept].sort((a, b) => nchwAxis(a) - nchwAxis(b));
  return kept.every((a, i) => a === inNchw[i]);
}

export function reduceAxes(call: OpCall, x: DynValue, tfAxes: number[], keepDims: boolean): { name: string; axes: number[]; layout: 'nchw' | 'tf'; shape: number[] } {
  const rank = x.shape.length;
  const axes = [...new Set(tfAxes.map((a) => normAxis(a, rank)))].sort((a, b) => a - b);
  if (axes.some((a) => a < 0 || a >= rank)) throw new Error(`${call.where}: axes [${tfAxes}] out of range for rank ${rank}`);
  const shape = keepDims ? x.shape.map((d, i) => (axes.includes(i) ? 1 : d)) : x.shape.filter((_, i) => !axes.includes(i));
  if (x.layout === 'nchw' && (keepDims || keptOrderMatches(new Set(axes)))) {
    const onnxAxes = axes.map(nchwAxis).sort((a, b) => a - b);
    return { name: x.name, axes: onnxAxes, layout: keepDims ? 'nchw' : 'tf', shape };
  }
  return { name: call.ctx.asTf(x), axes, layout: 'tf', shape };
}

function reduce(onnxOp: string): OpHandler {
  return (call) => {
    const x = dynInput(call, 0);
    const keepDims = call.at.bool('keep_dims', false);
    const r = reduceAxes(call, x, knownInts(call, 1, 'axes'), keepDims);
    // Opset 17: ReduceSum takes axes as an input, the other reductions as an attribute.
    const name =
      onnxOp === 'ReduceSum'
        ? call.ctx.emit(onnxOp, [r.name, call.ctx.int64(r.axes)], call.node.name, { keepdims: attr.i(keepDims ? 1 : 0) })
        : call.ctx.emit(onnxOp, [r.name], call.node.name, { axes: attr.ints(r.axes), keepdims: attr.i(keepDims ? 1 : 0) });
    return { kind: 'dyn', name, shape: r.shape, layout: r.layout };
  };
}

const squeeze: OpHandler = (call) => {
  const x = dynInput(call, 0);
  const dims = call.at.ints('squeeze_dims', []);
  const axes = dims.length ? dims : x.shape.flatMap((d, i) => (d === 1 ? [i] : []));
  for (const a of axes) if (x.shape[normAxis(a, x.shape.length)] !== 1) throw new Error(`${call.where}: cannot squeeze axis ${a} of shape [${x.shape}]`);
  const r = reduceAxes(call, x, axes, false);
  const name = call.ctx.emit('Squeeze', [r.name, call.ctx.int64(r.axes)], call.node.name);
  return { kind: 'dyn', name, shape: r.shape, layout: r.layout };
};

export const reduceOps: Record<string, OpHandler> = {
  Sum: reduce('ReduceSum'),
  Mean: reduce('ReduceMean'),
  Max: reduce('ReduceMax'),
  Min: reduce('ReduceMin'),
  Prod: reduce('ReduceProd'),
  Squeeze: squeeze,
};
