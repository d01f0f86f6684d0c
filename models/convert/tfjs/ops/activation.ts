// Unary activations, also used for the activations fused into _FusedConv2D / _FusedMatMul.
import { attr } from '../../onnx/graph-builder';
import type { ConversionContext, OpCall, OpHandler } from '../context';
import type { ConstValue, DynValue } from '../values';
import { constInput, dynInput } from './inputs';

export type ActivationKind = 'Relu' | 'Relu6' | 'Sigmoid' | 'Tanh' | 'Elu' | 'LeakyRelu' | 'Prelu';

/** Applies an activation to a tensor, keeping its layout. `alpha` is Prelu's slope or LeakyRelu's factor. */
export function activate(
  ctx: ConversionContext,
  x: DynValue,
  kind: string,
  prefix: string,
  where: string,
  alpha?: ConstValue | number,
): DynValue {
  const rank = x.shape.length;
  let name: string;
  switch (kind) {
    case 'Relu':
    case 'Sigmoid':
    case 'Tanh':
    case 'Elu':
      name = ctx.emit(kind, [x.name], prefix);
      break;
    case 'Relu6':
      name = ctx.emit('Clip', [x.name, ctx.g.constFloat('zero', [0], []), ctx.g.constFloat('six', [6], [])], prefix);
      break;
    case 'LeakyRelu':
      name = ctx.emit('LeakyRelu', [x.name], prefix, { alpha: attr.f(typeof alpha === 'number' ? alpha : 0.2) });
      break;
    case 'Prelu': {
      if (!alpha || typeof alpha === 'number') throw new Error(`${where}: Prelu needs a constant alpha tensor`);
      name = ctx.emit('PRelu', [x.name, ctx.constFor(alpha, x.layout, rank)], prefix);
      break;
    }
    default:
      throw new Error(`${where}: fused activation ${kind} is not supported`);
  }
  return { ...x, name };
}

const simple = (kind: ActivationKind): OpHandler => (call: OpCall) => {
  const x = dynInput(call, 0);
  return activate(call.ctx, x, kind, call.node.name, call.where);
};

const unaryOnnx = (op: string): OpHandler => (call: OpCall) => {
  const x = dynInput(call, 0);
  return { ...x, name: call.ctx.emit(op, [x.name], call.node.name) };
};

export const activationOps: Record<string, OpHandler> = {
  Relu: simple('Relu'),
  Relu6: simple('Relu6'),
  Sigmoid: simple('Sigmoid'),
  Tanh: simple('Tanh'),
  Elu: simple('Elu'),
  LeakyRelu: (call) => activate(call.ctx, dynInput(call, 0), 'LeakyRelu', call.node.name, call.where, call.at.float('alpha', 0.2)),
  Prelu: (call) => activate(call.ctx, dynInput(call, 0), 'Prelu', call.node.name, call.where, constInput(call, 1, 'alpha')),
  Abs: unaryOnnx('Abs'),
  Neg: unaryOnnx('Neg'),
  Exp: unaryOnnx('Exp'),
  Sqrt: unaryOnnx('Sqrt'),
  Square: (call) => {
    const x = dynInput(call, 0);
    return { ...x, name: call.ctx.emit('Mul', [x.name, x.name], call.node.name) };
  },
  Rsqrt: (call) => {
    const x = dynInput(call, 0);
    const root = call.ctx.emit('Sqrt', [x.name], `${call.node.name}_sqrt`);
    return { ...x, name: call.ctx.emit('Reciprocal', [root], call.node.name) };
  },
  Softmax: (call) => {
    const x = dynInput(call, 0);
    // TF normalises over the last (channel) axis, which is axis 1 once in NCHW.
    const axis = x.layout === 'nchw' ? 1 : -1;
    return { ...x, name: call.ctx.emit('Softmax', [x.name], call.node.name, { axis: attr.i(axis) }) };
  },
  Identity: (call) => call.inputs[0],
};
