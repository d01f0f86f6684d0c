// NCNN .param/.bin parsing and NCNN → ONNX conversion on tiny hand-written models,
// checked against answers worked out by hand and against the TypeScript reference.
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { halfToFloat } from '../../../models/convert/ncnn/bin';
import { loadNcnnModel } from '../../../models/convert/ncnn/model';
import { parseNcnnParam } from '../../../models/convert/ncnn/param';
import { ncnnToOnnx } from '../../../models/convert/ncnn/to-onnx';
import { ncnnReferenceForward } from '../../../models/verify/esrgan-reference';
import { createRng } from '../../../native/random/prng';

/** float → IEEE half, for values exactly representable in half (the test only uses those). */
function toHalf(v: number): number {
  if (v === 0) return Object.is(v, -0) ? 0x8000 : 0;
  const sign = v < 0 ? 0x8000 : 0;
  const a = Math.abs(v);
  const e = Math.floor(Math.log2(a));
  const frac = (a / 2 ** e - 1) * 1024;
  if (e < -14 || e > 15 || !Number.isInteger(frac)) throw new Error(`test helper: ${v} is not an exact normal half`);
  return sign | ((e + 15) << 10) | frac;
}

/** Builds a .bin the way NCNN lays it out. */
class BinWriter {
  private readonly parts: number[] = [];
  fp16Tagged(values: number[]): this {
    this.u32(0x01306b47);
    for (const v of values) this.u16(toHalf(v));
    if (values.length % 2) this.u16(0); // pad to 4 bytes
    return this;
  }
  fp32Tagged(values: number[]): this {
    this.u32(0);
    return this.fp32(values);
  }
  fp32(values: number[]): this {
    const b = new Uint8Array(new Float32Array(values).buffer);
    this.parts.push(...b);
    return this;
  }
  private u32(v: number): void {
    this.parts.push(v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255);
  }
  private u16(v: number): void {
    this.parts.push(v & 255, (v >>> 8) & 255);
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

async function runOnnx(bytes: Uint8Array, x: Float32Array, dims: number[]): Promise<{ data: Float32Array; dims: readonly number[] }> {
  const s = await ort.InferenceSession.create(bytes);
  try {
    const out = (await s.run({ input: new ort.Tensor('float32', x, dims) })).output;
    return { data: out.data as Float32Array, dims: out.dims };
  } finally {
    await s.release();
  }
}

describe('halfToFloat', () => {
  it('decodes normal, subnormal and special values', () => {
    expect(halfToFloat(0x3c00)).toBe(1);
    expect(halfToFloat(0xc000)).toBe(-2);
    expect(halfToFloat(0x3555)).toBeCloseTo(0.333251953125, 12);
    expect(halfToFloat(0x7bff)).toBe(65504);
    expect(halfToFloat(0x0001)).toBe(2 ** -24);
    expect(halfToFloat(0x7c00)).toBe(Infinity);
    expect(halfToFloat(0x7e00)).toBeNaN();
  });
});

describe('parseNcnnParam', () => {
  it('reads blobs, scalar and array parameters', () => {
    const p = parseNcnnParam(['7767517', '2 2', 'Input in 0 1 data', 'Eltwise e 2 1 data data out 0=1 -23301=2,2.000000e-01,1.000000e+00'].join('\n'));
    expect(p.layers[1].inputs).toEqual(['data', 'data']);
    expect(p.layers[1].params.get(0)).toBe(1);
    expect(p.layers[1].params.get(1)).toEqual([0.2, 1]);
  });

  it('rejects a wrong magic, a wrong layer count and a bad array length', () => {
    expect(() => parseNcnnParam('123\n1 1\nInput in 0 1 data')).toThrow(/magic 123/);
    expect(() => parseNcnnParam('7767517\n2 1\nInput in 0 1 data')).toThrow(/declares 2 layers but holds 1/);
    expect(() => parseNcnnParam('7767517\n1 1\nEltwise e 0 1 x -23301=3,1,2')).toThrow(/says 3 values but has 2/);
  });
});

describe('loadNcnnModel', () => {
  it('names an unknown layer type', () => {
    const param = '7767517\n2 2\nInput in 0 1 data\nSwish act 1 1 data out';
    expect(() => loadNcnnModel(param, new Uint8Array())).toThrow(/unsupported NCNN layer type "Swish" \(layer "act"\)/);
  });

  it('rejects a .bin that is too short or too long for the .param', () => {
    const param = '7767517\n2 2\nInput in 0 1 data\nConvolution c 1 1 data out 0=1 1=1 5=1 6=3';
    const good = new BinWriter().fp16Tagged([1, 2, 3]).fp32([0.5]).bytes();
    expect(() => loadNcnnModel(param, good)).not.toThrow();
    expect(() => loadNcnnModel(param, good.subarray(0, good.length - 2))).toThrow(/ends early/);
    const long = new Uint8Array(good.length + 4);
    long.set(good);
    expect(() => loadNcnnModel(param, long)).toThrow(/4 bytes left/);
  });

  it('decodes fp16-tagged weights (with padding), raw bias and PReLU slopes in order', () => {
    const param = [
      '7767517',
      '3 3',
      'Input in 0 1 data',
      'Convolution c 1 1 data y 0=1 1=1 5=1 6=3',
      'PReLU p 1 1 y out 0=1',
    ].join('\n');
    const bin = new BinWriter().fp16Tagged([0.5, -1.25, 3]).fp32([0.125]).fp32([0.1]).bytes();
    const m = loadNcnnModel(param, bin);
    const conv = m.ops[1];
    if (conv.kind !== 'Convolution') throw new Error('expected a convolution');
    expect([...conv.weight]).toEqual([0.5, -1.25, 3]);
    expect([...conv.bias!]).toEqual([0.125]);
    expect(conv.inChannels).toBe(3);
    const prelu = m.ops[2];
    expect(prelu.kind === 'PReLU' && prelu.slopes[0]).toBeCloseTo(0.1, 7);
  });
});

describe('NCNN → ONNX', () => {
  it('a 3×3 box convolution with zero padding gives the hand-computed sums in ONNX and the reference', async () => {
    // One channel, all-ones 3×3 kernel, pad 1, bias 1: each output is 1 + sum of its 3×3 neighbourhood.
    const param = '7767517\n2 2\nInput in 0 1 data\nConvolution c 1 1 data out 0=1 1=3 4=1 5=1 6=9';
    const bin = new BinWriter().fp16Tagged(Array(9).fill(1)).fp32([1]).bytes();
    const m = loadNcnnModel(param, bin);
    const x = Float32Array.from([1, 2, 3, 4, 5, 6]); // 2 rows × 3 columns
    const want = [1 + 1 + 2 + 4 + 5, 1 + 1 + 2 + 3 + 4 + 5 + 6, 1 + 2 + 3 + 5 + 6, 1 + 1 + 2 + 4 + 5, 1 + 21, 1 + 2 + 3 + 5 + 6];
    const ref = ncnnReferenceForward(m, { c: 1, h: 2, w: 3, data: x });
    expect([...ref.data]).toEqual(want);
    const onnx = await runOnnx(ncnnToOnnx(m, { graphName: 'box', inputChannels: 1, outputChannels: 1 }), x, [1, 1, 2, 3]);
    expect([...onnx.data]).toEqual(want);
  });

  it('PixelShuffle (mode 0) and nearest Interp place pixels as NCNN does', async () => {
    // 4 channels of a 1×1 image, r = 2: channel k goes to (row k>>1, col k&1).
    const param = '7767517\n3 3\nInput in 0 1 data\nPixelShuffle ps 1 1 data y 0=2\nInterp up 1 1 y out 0=1 1=2.0 2=2.0';
    const m = loadNcnnModel(param, new Uint8Array());
    const x = Float32Array.from([10, 20, 30, 40]);
    const want = [10, 10, 20, 20, 10, 10, 20, 20, 30, 30, 40, 40, 30, 30, 40, 40];
    expect([...ncnnReferenceForward(m, { c: 4, h: 1, w: 1, data: x }).data]).toEqual(want);
    const onnx = await runOnnx(ncnnToOnnx(m, { graphName: 'ps', inputChannels: 4, outputChannels: 1 }), x, [1, 4, 1, 1]);
    expect(onnx.dims).toEqual([1, 1, 4, 4]);
    expect([...onnx.data]).toEqual(want);
  });

  it('an SRVGG/RRDB-like mini network matches the reference on seeded noise', async () => {
    // Exercises every layer kind both Real-ESRGAN graphs use, with fp16 and fp32 weight blobs.
    const param = [
      '7767517',
      '13 16',
      'Input in 0 1 data',
      'Split sp 1 2 data d0 d1',
      'Convolution c1 1 1 d0 a 0=4 1=3 4=1 5=1 6=108 9=2 -23310=1,2.000000e-01',
      'Split sa 1 2 a a0 a1',
      'PReLU pr 1 1 a0 b 0=4',
      'Split sb 1 2 b b1 b2',
      'Concat cat 2 1 a1 b1 ab',
      'Convolution c2 1 1 ab c 0=4 1=3 4=1 5=1 6=288',
      'Eltwise el 2 1 c b2 e 0=1 -23301=2,2.000000e-01,1.000000e+00',
      'PixelShuffle ps 1 1 e f 0=2',
      'Interp up 1 1 d1 gg 0=1 1=2.0 2=2.0',
      'Convolution c3 1 1 gg g 0=1 1=1 5=0 6=3',
      'BinaryOp add 2 1 f g out',
    ].join('\n');
    const rng = createRng(42);
    const q = (n: number) => Array.from({ length: n }, () => Math.round((rng.next() - 0.5) * 64) / 64);
    const bin = new BinWriter()
      .fp16Tagged(q(108))
      .fp32(q(4))
      .fp32([0.25, -0.5, 0.1, 0.3])
      .fp32Tagged(q(288))
      .fp32(q(4))
      .fp16Tagged(q(3))
      .bytes();
    const m = loadNcnnModel(param, bin);
    const h = 5;
    const w = 7;
    const x = new Float32Array(3 * h * w).map(() => rng.next());
    const ref = ncnnReferenceForward(m, { c: 3, h, w, data: x });
    const onnx = await runOnnx(ncnnToOnnx(m, { graphName: 'mini', outputChannels: 1 }), x, [1, 3, h, w]);
    expect(onnx.dims).toEqual([1, 1, 2 * h, 2 * w]);
    let err = 0;
    for (let i = 0; i < ref.data.length; i++) err = Math.max(err, Math.abs(ref.data[i] - onnx.data[i]));
    expect(err).toBeLessThan(1e-5);
    // The network is not trivially constant: outputs vary across pixels.
    expect(Math.max(...ref.data) - Math.min(...ref.data)).toBeGreaterThan(0.1);
  });

  it('is deterministic: the same NCNN files give the same ONNX bytes', () => {
    const param = '7767517\n2 2\nInput in 0 1 data\nConvolution c 1 1 data out 0=3 1=1 5=1 6=9';
    const bin = new BinWriter().fp16Tagged([1, 0, 0, 0, 1, 0, 0, 0, 1]).fp32([0, 0, 0]).bytes();
    const a = ncnnToOnnx(loadNcnnModel(param, bin), { graphName: 'id' });
    const b = ncnnToOnnx(loadNcnnModel(param, bin), { graphName: 'id' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
