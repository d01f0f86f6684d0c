// Dense layers: MatMul and _FusedMatMul (BiasAdd + activation) on 2-D tensors.
import type { OpCall, OpHandler } from '../context';
import { transposeData, type DynValue } from '../values';
import { activate } from './activation';
import { constInput, dynInput } from './inputs';
import { attr } from '../../onnx/graph-builder';

function operand(call: OpCall, i: number, transpose: boolean): { name: string; shape: number[] } {
  const v = call.inputs[i];
  if (v?.kind === 'const') {
    if (v.shape.length !== 2) throw new Error(`${call.where}: MatMul operand ${i} must be 2-D, got [${v.shape}]`);
    const data = transpose ? transposeData(v.data as Float32Array, v.shape, [1, 0]) : (v.data as Float32Array);
    const shape = transpose ? [v.shape[1], v.shape[0]] : v.shape;
    return { name: call.ctx.floatInit(`${v.source}${transpose ? '_t' : ''}`, data, shape), shape };
  }
  const d = dynInput(call, i);
  if (d.shape.length !== 2) throw new Error(`${call.where}: MatMul operand ${i} must be 2-D, got [${d.shape}]`);
  const name = call.ctx.asTf(d);
  if (!transpose) return { name, shape: d.shape };
  return { name: call.ctx.emit('Transpose', [name], `${call.node.name}_t${i}`, { perm: attr.ints([1, 0]) }), shape: [d.shape[1], d.shape[0]] };
}

function matmul(fused: boolean): OpHandler {
  return (call) => {
    const a = operand(call, 0, call.at.bool('transpose_a', false));
    const b = operand(call, 1, call.at.bool('transpose_b', false));
    if (a.shape[1] !== b.shape[0] && a.shape[1] !== -1) throw new Error(`${call.where}: cannot multiply [${a.shape}] by [${b.shape}]`);
    const ops = fused ? call.at.strings('fused_ops') : [];
    let rest = ops;
    let name = call.ctx.emit('MatMul', [a.name, b.name], ops.length ? `${call.node.name}_mm` : call.node.name);
    const shape = [a.shape[0], b.shape[1]];
    if (ops[0] === 'BiasAdd') {
      const bias = constInput(call, 2, 'bias');
      name = call.ctx.emit('Add', [name, call.ctx.floatInit(bias.source, bias.data as Float32Array, [bias.data.length])], rest.length > 1 ? `${call.node.name}_bias` : call.node.name);
      rest = ops.slice(1);
    } else if (ops.length) {
      throw new Error(`${call.where}: fused_ops [${ops.join(', ')}] are not supported (expected BiasAdd first)`);
    }
    let out: DynValue = { kind: 'dyn', name, shape, layout: 'tf' };
    if (rest.length > 1) throw new Error(`${call.where}: fused_ops [${ops.join(', ')}] have more than one activation`);
    if (rest.length === 1) {
      const alpha = rest[0] === 'Prelu' ? constInput(call, 3, 'Prelu alpha') : rest[0] === 'LeakyRelu' ? call.at.float('leakyrelu_alpha', 0.2) : undefined;
      out = activate(call.ctx, out, rest[0], call.node.name, call.where, alpha);
    }
    return out;
  };
}

export const matmulOps: Record<string, OpHandler> = {
  MatMul: matmul(false),
  _FusedMatMul: matmul(true),
};
