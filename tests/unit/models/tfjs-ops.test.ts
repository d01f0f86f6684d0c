// Each TF op the converter handles, checked against tfjs on shapes that expose layout,
// padding and ordering mistakes (odd sizes, non-square maps, channel counts ≠ spatial sizes).
import { describe, expect, it } from 'vitest';
import { a, GraphFixture, runBoth } from './tfjs-fixture';

const TOL = 1e-4;
const NHWC = { data_format: a.s('NHWC') };
const conv = (g: GraphFixture, name: string, x: string, k: number, cin: number, cout: number, stride = 1, padding = 'SAME', fused = ['BiasAdd']) =>
  g.node(name, '_FusedConv2D', [x, g.noise(`${name}/w`, [k, k, cin, cout]), g.noise(`${name}/b`, [cout])], {
    ...NHWC,
    strides: a.ints([1, stride, stride, 1]),
    padding: a.s(padding),
    dilations: a.ints([1, 1, 1, 1]),
    fused_ops: a.strs(fused),
    num_args: a.i(1),
  });

describe('TFJS → ONNX ops against tfjs', () => {
  it('fused Conv2D, SAME, stride 2 on an odd non-square map, with BiasAdd + Relu', async () => {
    const g = new GraphFixture();
    const x = g.input('x', [-1, 7, 9, 3]);
    conv(g, 'c', x, 3, 3, 4, 2, 'SAME', ['BiasAdd', 'Relu']);
    const r = await runBoth(g.build(), 'c', [1, 7, 9, 3]);
    expect(r.ortShape).toEqual([1, 4, 5, 4]);
    expect(r.maxAbsError).toBeLessThan(TOL);
    expect(r.tfjs.some((v) => v === 0)).toBe(true); // Relu really clipped something
  });

  it('Conv2D with Prelu fused (alpha as 4th input) and depthwise with channel multiplier 2', async () => {
    const g = new GraphFixture();
    const x = g.input('x', [-1, 6, 5, 3]);
    const d = g.node('dw', 'DepthwiseConv2dNative', [x, g.noise('dw/w', [3, 3, 3, 2])], {
      ...NHWC,
      strides: a.ints([1, 2, 2, 1]),
      padding: a.s('SAME'),
      dilations: a.ints([1, 1, 1, 1]),
    });
    g.node('c', '_FusedConv2D', [d, g.noise('c/w', [1, 1, 6, 5]), g.noise('c/b', [5]), g.noise('c/alpha', [1, 1, 5])], {
      ...NHWC,
      strides: a.ints([1, 1, 1, 1]),
      padding: a.s('VALID'),
      fused_ops: a.strs(['BiasAdd', 'Prelu']),
      num_args: a.i(2),
    });
    const r = await runBoth(g.build(), 'c', [1, 6, 5, 3]);
    expect(r.ortShape).toEqual([1, 3, 3, 5]);
    expect(r.maxAbsError).toBeLessThan(TOL);
    expect(r.transposes).toBe(2); // entry and exit only
  });

  it('FusedDepthwiseConv2dNative with BiasAdd + Relu6 via a channel-axis Pad (BlazeFace pattern)', async () => {
    const g = new GraphFixture();
    const x = g.input('x', [-1, 5, 7, 2]);
    const p = g.node('pad', 'Pad', [x, g.const('pad/p', [0, 0, 1, 0, 0, 2, 0, 3], [4, 2], 'int32')]);
    const d = g.node('dw', 'FusedDepthwiseConv2dNative', [p, g.noise('dw/w', [3, 3, 5, 1]), g.noise('dw/b', [5])], {
      ...NHWC,
      strides: a.ints([1, 1, 1, 1]),
      padding: a.s('SAME'),
      dilations: a.ints([1, 1, 1, 1]),
      fused_ops: a.strs(['BiasAdd']),
      num_args: a.i(1),
    });
    g.node('r6', 'Relu6', [d]);
    const r = await runBoth(g.build(), 'r6', [1, 5, 7, 2]);
    expect(r.ortShape).toEqual([1, 6, 9, 5]);
    expect(r.maxAbsError).toBeLessThan(TOL);
  });

  it('AvgPool SAME excludes padding; MaxPool SAME', async () => {
    const g = new GraphFixture();
    const x = g.input('x', [-1, 5, 6, 3]);
    const avg = g.node('avg', 'AvgPool', [x], { ...NHWC, ksize: a.ints([1, 3, 3, 1]), strides: a.ints([1, 2, 2, 1]), padding: a.s('SAME') });
    g.node('max', 'MaxPool', [avg], { ...NHWC, ksize: a.ints([1, 2, 2, 1]), strides: a.ints([1, 2, 2, 1]), padding: a.s('SAME') });
    const rAvg = await runBoth(g.build(), 'avg', [1, 5, 6, 3]);
    expect(rAvg.ortShape).toEqual([1, 3, 3, 3]);
    expect(rAvg.maxAbsError).toBeLessThan(TOL);
    const rMax = await runBoth(g.build(), 'max', [1, 5, 6, 3]);
    expect(rMax.ortShape).toEqual([1, 2, 2, 3]);
    expect(rMax.maxAbsError).toBeLessThan(TOL);
  });

  it('ResizeBilinear with half-pixel centres, then DepthToSpace', async () => {
    const g = new GraphFixture();
    const x = g.input('x', [-1, 3, 5, 8]);
    const up = g.node('up', 'ResizeBilinear', [x, g.const('up/size', [6, 10], [2], 'int32')], { align_corners: a.b(false), half_pixel_centers: a.b(true) });
    g.node('d2s', 'DepthToSpace', [up], { ...NHWC, block_size: a.i(2) });
    const rUp = await runBoth(g.build(), 'up', [1, 3, 5, 8]);
    expect(rUp.maxAbsError).toBeLessThan(TOL);
    const r = await runBoth(g.build(), 'd2s', [1, 3, 5, 8]);
    expect(r.ortShape).toEqual([1, 12, 20, 2]);
    expect(r.maxAbsError).toBeLessThan(TOL);
  });

  it('Conv2DBackpropInput, SAME, stride 2, to an odd output size', async () => {
    const g = new GraphFixture();
    const x = g.input('x', [1, 4, 5, 3]);
    g.node('up', 'Conv2DBackpropInput', [g.const('up/shape', [1, 7, 9, 2], [4], 'int32'), g.noise('up/w', [3, 3, 2, 3]), x], {
      ...NHWC,
      strides: a.ints([1, 2, 2, 1]),
      padding: a.s('SAME'),
      dilations: a.ints([1, 1, 1, 1]),
    });
    const r = await runBoth(g.build(), 'up', [1, 4, 5, 3]);
    expect(r.ortShape).toEqual([1, 7, 9, 2]);
    expect(r.maxAbsError).toBeLessThan(TOL);
  });

  it('Reshape sees NHWC order, and a reshaped 4-D tensor feeds a conv again', async () => {
    const g = new GraphFixture();
    const x = g.input('x', [1, 2, 3, 4]);
    const c = conv(g, 'c', x, 1, 4, 4);
    const flat = g.node('flat', 'Reshape', [c, g.const('flat/s', [1, 24], [2], 'int32')]);
    const back = g.node('back', 'Reshape', [flat, g.const('back/s', [1, 3, 2, 4], [4], 'int32')]);
    conv(g, 'c2', back, 1, 4, 3);
    const rFlat = await runBoth(g.build(), 'flat', [1, 2, 3, 4]);
    expect(rFlat.maxAbsError).toBeLessThan(TOL);
    const r = await runBoth(g.build(), 'c2', [1, 2, 3, 4]);
    expect(r.ortShape).toEqual([1, 3, 2, 3]);
    expect(r.maxAbsError).toBeLessThan(TOL);
  });

  it('folds Shape → StridedSlice → Pack → Reshape and keeps the batch dynamic (run at batch 2)', async () => {
    const g = new GraphFixture();
    const x = g.input('x', [-1, 4, 4, 2]);
    const c = conv(g, 'c', x, 3, 2, 3);
    const shape = g.node('shape', 'Shape', [c], { out_type: { type: 'DT_INT32' } });
    const batch = g.node('batch', 'StridedSlice', [shape, g.const('b0', [0], [1], 'int32'), g.const('b1', [1], [1], 'int32'), g.const('b2', [1], [1], 'int32')], {
      shrink_axis_mask: a.i(1),
      begin_mask: a.i(0),
      end_mask: a.i(0),
      ellipsis_mask: a.i(0),
      new_axis_mask: a.i(0),
      T: { type: 'DT_INT32' },
    });
    const target = g.node('target', 'Pack', [batch, g.const('n', [16], [], 'int32'), g.const('k', [3], [], 'int32')], { axis: a.i(0), N: a.i(3), T: { type: 'DT_INT32' } });
    const r1 = g.node('r1', 'Reshape', [c, target]);
    const r2 = g.node('r2', 'Reshape', [x, g.const('r2s', [-1, 16, 2], [3], 'int32')]);
    g.node('cat', 'ConcatV2', [r1, r2, g.const('axis', [-1], [], 'int32')], { N: a.i(2) });
    const r = await runBoth(g.build(), 'cat', [2, 4, 4, 2]);
    expect(r.ortShape).toEqual([2, 16, 5]);
    expect(r.maxAbsError).toBeLessThan(TOL);
  });

  it('Mean over H, W, then _FusedMatMul (BiasAdd + Relu), MatMul + BiasAdd, Softmax', async () => {
    const g = new GraphFixture();
    const x = g.input('x', [-1, 5, 4, 6]);
    const c = conv(g, 'c', x, 3, 6, 8);
    const m = g.node('mean', 'Mean', [c, g.const('axes', [1, 2], [2], 'int32')], { keep_dims: a.b(false) });
    const d = g.node('dense', '_FusedMatMul', [m, g.noise('dense/w', [8, 5]), g.noise('dense/b', [5])], {
      transpose_a: a.b(false),
      transpose_b: a.b(false),
      fused_ops: a.strs(['BiasAdd', 'Relu']),
      num_args: a.i(1),
    });
    const mm = g.node('mm', 'MatMul', [d, g.noise('mm/w', [4, 5])], { transpose_a: a.b(false), transpose_b: a.b(true) });
    const b = g.node('bias', 'BiasAdd', [mm, g.noise('bias/b', [4])], NHWC);
    g.node('soft', 'Softmax', [b]);
    const r = await runBoth(g.build(), 'soft', [1, 5, 4, 6]);
    expect(r.ortShape).toEqual([1, 4]);
    expect(r.maxAbsError).toBeLessThan(1e-5);
  });

  it('L2 normalisation tail: Squeeze, Square, Sum(keep_dims), Maximum, Rsqrt, Mul', async () => {
    const g = new GraphFixture();
    const x = g.input('x', [-1, 3, 3, 4]);
    const c = conv(g, 'c', x, 3, 4, 7, 1, 'VALID');
    const sq = g.node('sq', 'Squeeze', [c], { squeeze_dims: a.ints([1, 2]) });
    const s2 = g.node('s2', 'Square', [sq]);
    const sum = g.node('sum', 'Sum', [s2, g.const('ax', [1], [1], 'int32')], { keep_dims: a.b(true) });
    const mx = g.node('mx', 'Maximum', [sum, g.const('eps', [1e-10], [])]);
    const rs = g.node('rs', 'Rsqrt', [mx]);
    g.node('emb', 'Mul', [sq, rs]);
    const r = await runBoth(g.build(), 'emb', [1, 3, 3, 4]);
    expect(r.ortShape).toEqual([1, 7]);
    expect(r.maxAbsError).toBeLessThan(1e-6);
    const norm = Math.hypot(...r.ort);
    expect(norm).toBeCloseTo(1, 5);
  });

  it('element-wise ops broadcast constants in NCHW: AddV2 [C], Mul [1,1,1,C], Sub, Abs, Minimum, Maximum, AddN, Sigmoid', async () => {
    const g = new GraphFixture();
    const x = g.input('x', [-1, 3, 5, 4]);
    const c = conv(g, 'c', x, 1, 4, 4);
    const add = g.node('add', 'AddV2', [c, g.noise('bias', [4])]);
    const mul = g.node('mul', 'Mul', [add, g.noise('scale', [1, 1, 1, 4])]);
    const abs = g.node('abs', 'Abs', [mul]);
    const sub = g.node('sub', 'Sub', [mul, abs]);
    const lo = g.node('lo', 'Minimum', [sub, g.const('six', [0.3], [])]);
    const hi = g.node('hi', 'Maximum', [lo, g.const('neg', [-0.5], [])]);
    const sum = g.node('sum', 'AddN', [hi, mul, c], { N: a.i(3) });
    g.node('sig', 'Sigmoid', [sum]);
    const r = await runBoth(g.build(), 'sig', [1, 3, 5, 4]);
    expect(r.maxAbsError).toBeLessThan(1e-6);
    expect(r.transposes).toBe(2);
  });

  it('ConcatV2 on the channel axis of two NCHW tensors', async () => {
    const g = new GraphFixture();
    const x = g.input('x', [-1, 3, 4, 2]);
    const c1 = conv(g, 'c1', x, 3, 2, 3);
    const c2 = conv(g, 'c2', x, 1, 2, 5);
    g.node('cat', 'ConcatV2', [c1, c2, g.const('axis', [3], [], 'int32')], { N: a.i(2) });
    const r = await runBoth(g.build(), 'cat', [1, 3, 4, 2]);
    expect(r.ortShape).toEqual([1, 3, 4, 8]);
    expect(r.maxAbsError).toBeLessThan(TOL);
  });

  it('an unknown op fails with its name, the node and the model', async () => {
    const g = new GraphFixture();
    const x = g.input('x', [-1, 2, 2, 1]);
    g.node('weird', 'Erf', [x]);
    const loaded = g.build();
    await expect(runBoth(loaded, 'weird', [1, 2, 2, 1])).rejects.toThrow(/fixture: TF op Erf \(node weird\) is not supported/);
  });
});
