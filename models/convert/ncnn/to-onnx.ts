// NCNN model (typed layers) → ONNX graph. NCNN blobs are C×H×W for batch 1, so every
// tensor here is NCHW with N = 1 and H, W left symbolic: one ONNX file serves any tile size.
import { attr, OnnxGraphBuilder } from '../onnx/graph-builder';
import type { NcnnActivation, NcnnModel, NcnnOp } from './model';

export interface NcnnToOnnxOptions {
  graphName: string;
  inputName?: string;
  outputName?: string;
  /** Channel counts declared in the graph signature (H and W are always symbolic). */
  inputChannels?: number;
  outputChannels?: number;
  /** Written as ONNX metadata_props. */
  metadata?: Record<string, string>;
}

const ONNX_BINARY: Record<string, string> = { add: 'Add', sub: 'Sub', mul: 'Mul', div: 'Div', max: 'Max', min: 'Min' };

function safe(blob: string): string {
  return `t_${blob.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

export function ncnnToOnnx(model: NcnnModel, opts: NcnnToOnnxOptions): Uint8Array {
  const g = new OnnxGraphBuilder(opts.graphName);
  const inputName = opts.inputName ?? 'input';
  const outputName = opts.outputName ?? 'output';
  const tensorOf = new Map<string, string>();
  g.input(inputName, [1, opts.inputChannels ?? 3, 'height', 'width']);
  tensorOf.set(model.inputBlob, inputName);

  const read = (blob: string): string => {
    const t = tensorOf.get(blob);
    if (!t) throw new Error(`internal: blob "${blob}" has no tensor yet`);
    return t;
  };
  // The graph output gets its public name directly so no trailing Identity is needed.
  const nameFor = (blob: string): string => (blob === model.outputBlob ? outputName : g.fresh(safe(blob)));

  const activate = (x: string, a: NcnnActivation, out: string): void => {
    switch (a.type) {
      case 'none':
        g.node('Identity', [x], [out]);
        return;
      case 'relu':
        g.node('Relu', [x], [out]);
        return;
      case 'leakyrelu':
        g.node('LeakyRelu', [x], [out], { alpha: attr.f(a.slope) });
        return;
      case 'clip':
        g.node('Clip', [x, g.constFloat('clip_min', [a.min], []), g.constFloat('clip_max', [a.max], [])], [out]);
        return;
      case 'sigmoid':
        g.node('Sigmoid', [x], [out]);
        return;
    }
  };

  const emit = (op: NcnnOp): void => {
    const out = (): string => {
      const name = nameFor(op.outputs[0]);
      tensorOf.set(op.outputs[0], name);
      return name;
    };
    switch (op.kind) {
      case 'Input':
        return;
      case 'Split':
        for (const o of op.outputs) tensorOf.set(o, read(op.inputs[0]));
        return;
      case 'Convolution': {
        const w = g.initializer(`${op.name}_W`, op.weight, [op.outChannels, op.inChannels, op.kernelH, op.kernelW]);
        const ins = [read(op.inputs[0]), w];
        if (op.bias) ins.push(g.initializer(`${op.name}_B`, op.bias, [op.outChannels]));
        const attrs = {
          kernel_shape: attr.ints([op.kernelH, op.kernelW]),
          strides: attr.ints([op.strideH, op.strideW]),
          dilations: attr.ints([op.dilationH, op.dilationW]),
          // ONNX pads: [top, left, bottom, right], the order NcnnConvolution.pads keeps.
          pads: attr.ints(op.pads),
        };
        if (op.activation.type === 'none') {
          g.node('Conv', ins, [out()], attrs);
        } else {
          const pre = g.op('Conv', ins, attrs);
          activate(pre, op.activation, out());
        }
        return;
      }
      case 'PReLU': {
        const dims = op.slopes.length === 1 ? [1] : [op.slopes.length, 1, 1];
        g.node('PRelu', [read(op.inputs[0]), g.initializer(`${op.name}_slope`, op.slopes, dims)], [out()]);
        return;
      }
      case 'ReLU':
        activate(read(op.inputs[0]), op.slope === 0 ? { type: 'relu' } : { type: 'leakyrelu', slope: op.slope }, out());
        return;
      case 'PixelShuffle':
        g.node('DepthToSpace', [read(op.inputs[0])], [out()], { blocksize: attr.i(op.factor), mode: attr.s(op.mode) });
        return;
      case 'InterpNearest': {
        // NCNN nearest picks src = floor(dst / scale): ONNX asymmetric + floor.
        const scales = g.constFloat(`${op.name}_scales`, [1, 1, op.scaleH, op.scaleW]);
        g.node('Resize', [read(op.inputs[0]), '', scales], [out()], {
          mode: attr.s('nearest'),
          coordinate_transformation_mode: attr.s('asymmetric'),
          nearest_mode: attr.s('floor'),
        });
        return;
      }
      case 'BinaryOp': {
        const b = op.scalar === null ? read(op.inputs[1]) : g.constFloat(`${op.name}_b`, [op.scalar], []);
        g.node(ONNX_BINARY[op.op], [read(op.inputs[0]), b], [out()]);
        return;
      }
      case 'Eltwise': {
        const xs = op.inputs.map(read);
        if (op.op === 'sum') {
          const terms = xs.map((x, i) => {
            const c = op.coeffs?.[i] ?? 1;
            return c === 1 ? x : g.op('Mul', [x, g.constFloat(`${op.name}_c${i}`, [c], [])]);
          });
          g.node(terms.length === 2 ? 'Add' : 'Sum', terms, [out()]);
        } else if (op.op === 'max') {
          g.node('Max', xs, [out()]);
        } else {
          const head = xs.slice(0, -1).reduce((a, b) => g.op('Mul', [a, b]));
          g.node('Mul', [head, xs[xs.length - 1]], [out()]);
        }
        return;
      }
      case 'Concat':
        g.node('Concat', op.inputs.map(read), [out()], { axis: attr.i(op.channelAxis + 1) });
        return;
    }
  };

  for (const op of model.ops) emit(op);
  g.output(outputName, [1, opts.outputChannels ?? 3, 'out_height', 'out_width']);
  for (const [k, v] of Object.entries(opts.metadata ?? {})) g.metadata(k, v);
  return g.toBytes();
}
