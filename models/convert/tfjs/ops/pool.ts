// Pooling. TF's SAME average pooling divides by the pixels inside the image only, which is
// ONNX's count_include_pad=0; max pooling never lets padding win in either.
import { attr } from '../../onnx/graph-builder';
import type { OpHandler } from '../context';
import { dataFormatNhwc, nchwInput, nchwOut } from './inputs';
import { planWindow, spatialPair } from './padding';

function pool(onnxOp: 'MaxPool' | 'AveragePool'): OpHandler {
  return (call) => {
    const { ctx, at, where } = call;
    dataFormatNhwc(call);
    const x = nchwInput(call, 0);
    const kernel = spatialPair(at.ints('ksize'), 'ksize', where);
    const strides = spatialPair(at.ints('strides'), 'strides', where);
    const plan = planWindow(at, [x.shape[1], x.shape[2]], kernel, strides, [1, 1], where);
    const attrs = { kernel_shape: attr.ints(kernel), strides: attr.ints(strides), pads: attr.ints(plan.pads) };
    if (onnxOp === 'AveragePool') Object.assign(attrs, { count_include_pad: attr.i(0) });
    const name = ctx.emit(onnxOp, [x.name], call.node.name, attrs);
    return nchwOut(name, [x.shape[0], plan.out[0], plan.out[1], x.shape[3]]);
  };
}

export const poolOps: Record<string, OpHandler> = {
  MaxPool: pool('MaxPool'),
  AvgPool: pool('AveragePool'),
};
