// Shape plumbing and layout-sensitive data movement. Shape subgraphs (Shape → StridedSlice →
// Pack → Reshape) are folded at conversion time; only the batch stays symbolic (null).
import { attr } from '../../onnx/graph-builder';
import type { OpCall, OpHandler } from '../context';
import { nchwAxis, normAxis, size, type DynValue, type Value } from '../values';
import { alignLayouts } from './binary';
import { dataFormatNhwc, dynInput, intValues, knownInts, nchwInput, nchwOut } from './inputs';

const shapeOp: OpHandler = (call) => {
  const v = call.inputs[0];
  return { kind: 'sym', shape: [v.shape.length], values: v.shape.map((d) => (d < 0 ? null : d)) };
};

/** StridedSlice of a 1-D shape vector (the only use in the supported models). */
const stridedSlice: OpHandler = (call) => {
  const x = call.inputs[0];
  if (x.kind === 'dyn') throw new Error(`${call.where}: StridedSlice of a run-time tensor is not supported (only of shape vectors)`);
  if (x.shape.length !== 1) throw new Error(`${call.where}: StridedSlice is supported on 1-D shape vectors only, got [${x.shape}]`);
  for (const mask of ['ellipsis_mask', 'new_axis_mask']) {
    if (call.at.int(mask, 0) !== 0) throw new Error(`${call.where}: ${mask} is not supported`);
  }
  const values = intValues(x, call.where);
  const n = values.length;
  const [begin] = knownInts(call, 1, 'begin');
  const [end] = knownInts(call, 2, 'end');
  const [stride] = knownInts(call, 3, 'strides');
  if (stride === 0) throw new Error(`${call.where}: stride 0`);
  const clamp = (i: number, lo: number, hi: number) => Math.min(Math.max(i, lo), hi);
  if (call.at.int('shrink_axis_mask', 0) & 1) {
    const i = normAxis(begin, n);
    if (i < 0 || i >= n) throw new Error(`${call.where}: index ${begin} out of range for ${n} values`);
    return { kind: 'sym', shape: [], values: [values[i]] };
  }
  const lo = stride > 0 ? 0 : -1;
  const hi = stride > 0 ? n : n - 1;
  const b = call.at.int('begin_mask', 0) & 1 ? (stride > 0 ? 0 : n - 1) : clamp(normAxis(begin, n), lo, hi);
  const e = call.at.int('end_mask', 0) & 1 ? (stride > 0 ? n : -1) : clamp(normAxis(end, n), lo, hi);
  const out: (number | null)[] = [];
  for (let i = b; stride > 0 ? i < e : i > e; i += stride) out.push(values[i]);
  return { kind: 'sym', shape: [out.length], values: out };
};

const pack: OpHandler = (call) => {
  if (call.at.int('axis', 0) !== 0) throw new Error(`${call.where}: Pack on axis ${call.at.int('axis', 0)} is not supported`);
  if (call.inputs.some((v) => v.kind === 'dyn' || v.shape.length !== 0)) {
    throw new Error(`${call.where}: Pack is supported for scalar shape values only`);
  }
  const values = call.inputs.flatMap((v) => intValues(v, call.where));
  return { kind: 'sym', shape: [values.length], values };
};

const reshape: OpHandler = (call) => {
  const x = dynInput(call, 0);
  const target = intValues(call.inputs[1], `${call.where} shape`);
  // The target was written for TF order, so an NCHW input is brought back to NHWC first
  // (a free Reshape when C or H·W is 1).
  const source = x.layout === 'nchw' ? call.ctx.asTf(x) : x.name;
  const onnxTarget = target.map((d, i) => (d === null ? (i === 0 && x.shape[0] < 0 ? 0 : -1) : d));
  if (onnxTarget.filter((d) => d === -1).length > 1) throw new Error(`${call.where}: target shape [${target}] has more than one unknown size`);
  // Sizes for shape tracking: a copied batch (0) cancels the input's batch, so the one -1
  // left is the known element count divided by the known target sizes.
  const batchCopied = onnxTarget[0] === 0;
  const inRest = x.shape.filter((d, i) => !(batchCopied && i === 0));
  const inKnown = inRest.every((d) => d >= 0);
  const known = size(inRest);
  const fixed = size(onnxTarget.filter((d, i) => d !== -1 && !(batchCopied && i === 0)));
  const shape = onnxTarget.map((d, i) => (d === 0 ? x.shape[i] : d === -1 ? (inKnown ? known / fixed : -1) : d));
  const name = call.ctx.emit('Reshape', [source, call.ctx.int64(onnxTarget)], call.node.name);
  return { kind: 'dyn', name, shape, layout: 'tf' };
};

const concat: OpHandler = (call) => {
  const parts = call.inputs.slice(0, -1);
  const [axisRaw] = knownInts(call, call.inputs.length - 1, 'axis');
  if (parts.every((v) => v.kind !== 'dyn' && v.shape.length === 1 && (v.kind === 'sym' || v.dtype === 'int32'))) {
    const values = parts.flatMap((v) => intValues(v, call.where));
    return { kind: 'sym', shape: [values.length], values };
  }
  const rank = parts[0].shape.length;
  const axis = normAxis(axisRaw, rank);
  for (const p of parts) {
    if (p.shape.length !== rank) throw new Error(`${call.where}: inputs have different ranks`);
  }
  const { names, layout } = alignLayouts(call, parts, rank);
  const shape = parts[0].shape.map((d, i) => (i === axis ? parts.reduce((a, p) => (a < 0 || p.shape[i] < 0 ? -1 : a + p.shape[i]), 0) : d));
  const onnxAxis = layout === 'nchw' ? nchwAxis(axis) : axis;
  const name = call.ctx.emit('Concat', names, call.node.name, { axis: attr.i(onnxAxis) });
  return { kind: 'dyn', name, shape, layout };
};

const pad: OpHandler = (call) => {
  const x = dynInput(call, 0);
  const p = knownInts(call, 1, 'paddings');
  const rank = x.shape.length;
  if (p.length !== rank * 2) throw new Error(`${call.where}: paddings hold ${p.length} values for rank ${rank}`);
  const inputs: string[] = [];
  let order = Array.from({ length: rank }, (_, i) => i);
  let layout: 'nchw' | 'tf' = 'tf';
  if (rank === 4) {
    inputs.push(call.ctx.asNchw(x));
    order = [0, 3, 1, 2];
    layout = 'nchw';
  } else inputs.push(call.ctx.asTf(x));
  const pads = [...order.map((a) => p[a * 2]), ...order.map((a) => p[a * 2 + 1])];
  inputs.push(call.ctx.int64(pads));
  if (call.inputs[2]) {
    const c = call.inputs[2];
    if (c.kind !== 'const') throw new Error(`${call.where}: pad value must be a constant`);
    inputs.push(call.ctx.g.constFloat('pad_value', [c.data[0]], []));
  }
  const name = call.ctx.emit('Pad', inputs, call.node.name, { mode: attr.s('constant') });
  const shape = x.shape.map((d, i) => (d < 0 ? d : d + p[i * 2] + p[i * 2 + 1]));
  return { kind: 'dyn', name, shape, layout };
};

const depthToSpace: OpHandler = (call) => {
  dataFormatNhwc(call);
  const x = nchwInput(call, 0);
  const bs = call.at.int('block_size');
  const [n, h, w, c] = x.shape;
  if (c % (bs * bs)) throw new Error(`${call.where}: ${c} channels are not divisible by block_size² = ${bs * bs}`);
  // TF's depth-to-space channel order (row offset, column offset, channel) is ONNX's DCR.
  const name = call.ctx.emit('DepthToSpace', [x.name], call.node.name, { blocksize: attr.i(bs), mode: attr.s('DCR') });
  return nchwOut(name, [n, h * bs, w * bs, c / (bs * bs)]);
};

const resizeBilinear: OpHandler = (call) => {
  const x = nchwInput(call, 0);
  const [oh, ow] = knownInts(call, 1, 'size');
  const alignCorners = call.at.bool('align_corners', false);
  const halfPixel = call.at.bool('half_pixel_centers', false);
  const [, h, w] = x.shape;
  const mode = alignCorners ? 'align_corners' : halfPixel ? 'half_pixel' : 'asymmetric';
  // Scales (not sizes) keep the batch dynamic; ONNX maps coordinates with the given scale,
  // so it must equal TF's out/in ratio exactly in float32 and give back the same size.
  const sh = Math.fround(oh / h);
  const sw = Math.fround(ow / w);
  if (mode !== 'align_corners' && (sh !== oh / h || sw !== ow / w)) {
    throw new Error(`${call.where}: resize ${h}x${w} → ${oh}x${ow} has a ratio float32 cannot hold exactly`);
  }
  const scales = call.ctx.g.constFloat('resize_scales', [1, 1, sh, sw]);
  const name = call.ctx.emit('Resize', [x.name, '', scales], call.node.name, {
    mode: attr.s('linear'),
    coordinate_transformation_mode: attr.s(mode),
  });
  return nchwOut(name, [x.shape[0], oh, ow, x.shape[3]]);
};

const expandDims: OpHandler = (call) => {
  const x = dynInput(call, 0);
  const [axisRaw] = knownInts(call, 1, 'axis');
  const axis = normAxis(axisRaw, x.shape.length + 1);
  const name = call.ctx.emit('Unsqueeze', [call.ctx.asTf(x), call.ctx.int64([axis])], call.node.name);
  const shape = [...x.shape.slice(0, axis), 1, ...x.shape.slice(axis)];
  return { kind: 'dyn', name, shape, layout: 'tf' } satisfies DynValue;
};

const cast: OpHandler = (call: OpCall): Value => {
  const x = call.inputs[0];
  const to = call.at.has('DstT') ? call.node.attr?.DstT?.type : undefined;
  if (x.kind === 'dyn' && to !== 'DT_FLOAT') throw new Error(`${call.where}: Cast of a run-time tensor to ${to} is not supported`);
  if (x.kind === 'const' && to === 'DT_FLOAT') return { ...x, dtype: 'float32', data: Float32Array.from(x.data) };
  return x;
};

export const shapeOps: Record<string, OpHandler> = {
  Shape: shapeOp,
  StridedSlice: stridedSlice,
  Pack: pack,
  Reshape: reshape,
  ConcatV2: concat,
  Pad: pad,
  PadV2: pad,
  DepthToSpace: depthToSpace,
  ResizeBilinear: resizeBilinear,
  ExpandDims: expandDims,
  Cast: cast,
};

