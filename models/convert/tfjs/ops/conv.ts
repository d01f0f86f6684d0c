// Convolutions: TF keeps filters as HWIO (depthwise HWCM, transposed conv H,W,Cout,Cin);
// ONNX wants OIHW, so the weights are permuted here once, at conversion time.
import { attr } from '../../onnx/graph-builder';
import type { OpCall, OpHandler } from '../context';
import { transposeData, type DynValue } from '../values';
import { activate } from './activation';
import { constInput, dataFormatNhwc, knownInts, nchwInput, nchwOut } from './inputs';
import { planWindow, spatialPair } from './padding';

type ConvKind = 'conv' | 'depthwise';

function convHandler(kind: ConvKind, fused: boolean): OpHandler {
  return (call: OpCall) => {
    const { ctx, at, where } = call;
    dataFormatNhwc(call);
    const x = nchwInput(call, 0);
    const filter = constInput(call, 1, 'filter');
    if (filter.shape.length !== 4) throw new Error(`${where}: filter must be 4-D, got [${filter.shape}]`);
    const [kh, kw, cin, cm] = filter.shape;
    const channels = x.shape[3];
    if (channels !== cin) throw new Error(`${where}: input has ${channels} channels but the filter expects ${cin}`);
    const strides = spatialPair(at.ints('strides'), 'strides', where);
    const dilations = spatialPair(at.ints('dilations', [1, 1, 1, 1]), 'dilations', where);
    const plan = planWindow(at, [x.shape[1], x.shape[2]], [kh, kw], strides, dilations, where);

    let weights: Float32Array;
    let wDims: number[];
    let group = 1;
    let cout: number;
    if (kind === 'conv') {
      weights = transposeData(filter.data as Float32Array, filter.shape, [3, 2, 0, 1]);
      wDims = [cm, cin, kh, kw];
      cout = cm;
    } else {
      // [H, W, C, M] → [C, M, H, W] = [C·M, 1, H, W]: output channel c·M + m, as TF orders them.
      weights = transposeData(filter.data as Float32Array, filter.shape, [2, 3, 0, 1]);
      wDims = [cin * cm, 1, kh, kw];
      group = cin;
      cout = cin * cm;
    }
    const inputs = [x.name, ctx.floatInit(`${filter.source}_oihw`, weights, wDims)];

    const ops = fused ? at.strings('fused_ops') : [];
    let rest = ops;
    if (ops[0] === 'BiasAdd') {
      const bias = constInput(call, 2, 'bias');
      if (bias.data.length !== cout) throw new Error(`${where}: bias has ${bias.data.length} values for ${cout} output channels`);
      inputs.push(ctx.floatInit(bias.source, bias.data as Float32Array, [cout]));
      rest = ops.slice(1);
    } else if (ops.length > 0) {
      throw new Error(`${where}: fused_ops [${ops.join(', ')}] are not supported (expected BiasAdd first)`);
    }
    const attrs = {
      kernel_shape: attr.ints([kh, kw]),
      strides: attr.ints(strides),
      dilations: attr.ints(dilations),
      pads: attr.ints(plan.pads),
      group: attr.i(group),
    };
    const outShape = [x.shape[0], plan.out[0], plan.out[1], cout];
    const conv = ctx.emit('Conv', inputs, rest.length ? `${call.node.name}_conv` : call.node.name, attrs);
    let out: DynValue = nchwOut(conv, outShape);
    if (rest.length > 1) throw new Error(`${where}: fused_ops [${ops.join(', ')}] have more than one activation`);
    if (rest.length === 1) {
      // Inputs are x, filter, then the fused arguments in order: bias, then Prelu's alpha.
      const alpha = rest[0] === 'Prelu' ? constInput(call, 3, 'Prelu alpha') : rest[0] === 'LeakyRelu' ? at.float('leakyrelu_alpha', 0.2) : undefined;
      out = activate(ctx, out, rest[0], call.node.name, where, alpha);
    }
    return out;
  };
}

/** Conv2DBackpropInput(output_shape, filter [H, W, Cout, Cin], x) → ConvTranspose with W [Cin, Cout, H, W]. */
const transposedConv: OpHandler = (call) => {
  const { ctx, at, where } = call;
  dataFormatNhwc(call);
  const outputShape = knownInts(call, 0, 'output shape').map((d, i) => (i === 0 ? -1 : d));
  const filter = constInput(call, 1, 'filter');
  const x = nchwInput(call, 2);
  const [kh, kw, cout, cin] = filter.shape;
  if (x.shape[3] !== cin) throw new Error(`${where}: input has ${x.shape[3]} channels but the filter expects ${cin}`);
  const strides = spatialPair(at.ints('strides'), 'strides', where);
  const dilations = spatialPair(at.ints('dilations', [1, 1, 1, 1]), 'dilations', where);
  // The pads are those of the forward convolution that maps output_shape to x's size.
  const plan = planWindow(at, [outputShape[1], outputShape[2]], [kh, kw], strides, dilations, where);
  if (plan.out[0] !== x.shape[1] || plan.out[1] !== x.shape[2]) {
    throw new Error(`${where}: output_shape [${outputShape}] does not match input [${x.shape}] for these strides`);
  }
  const outputPadding = [0, 1].map((i) => {
    const natural = strides[i] * (x.shape[i + 1] - 1) + (([kh, kw][i] - 1) * dilations[i] + 1) - plan.pads[i] - plan.pads[i + 2];
    return outputShape[i + 1] - natural;
  });
  const weights = transposeData(filter.data as Float32Array, filter.shape, [3, 2, 0, 1]);
  const name = ctx.emit('ConvTranspose', [x.name, ctx.floatInit(`${filter.source}_iohw`, weights, [cin, cout, kh, kw])], call.node.name, {
    kernel_shape: attr.ints([kh, kw]),
    strides: attr.ints(strides),
    dilations: attr.ints(dilations),
    pads: attr.ints(plan.pads),
    output_padding: attr.ints(outputPadding),
  });
  return nchwOut(name, [x.shape[0], outputShape[1], outputShape[2], cout]);
};

export const convOps: Record<string, OpHandler> = {
  Conv2D: convHandler('conv', false),
  _FusedConv2D: convHandler('conv', true),
  DepthwiseConv2dNative: convHandler('depthwise', false),
  FusedDepthwiseConv2dNative: convHandler('depthwise', true),
  Conv2DBackpropInput: transposedConv,
};
