import { describe, expect, it } from 'vitest';
import * as ort from 'onnxruntime-node';
import { attr, OnnxGraphBuilder, readOnnxMetadata } from '../../../models/convert/onnx/graph-builder';

describe('OnnxGraphBuilder', () => {
  it('writes a model that onnxruntime runs with the expected numbers and metadata', async () => {
    const g = new OnnxGraphBuilder('affine');
    const x = g.input('x', ['batch', 3]);
    const w = g.constFloat('w', [2, 3, 4]);
    const b = g.constFloat('b', [1, 1, 1]);
    const y = g.op('Add', [g.op('Mul', [x, w]), b]);
    const z = g.op('LeakyRelu', [y], { alpha: attr.f(0.5) });
    g.node('Identity', [z], ['out']);
    g.output('out', ['batch', 3]);
    g.metadata('pairlight.task', 'test');
    const bytes = g.toBytes();
    expect(readOnnxMetadata(bytes)).toEqual({ 'pairlight.task': 'test' });
    const session = await ort.InferenceSession.create(bytes);
    const r = await session.run({ x: new ort.Tensor('float32', Float32Array.from([1, -1, 0.5, -2, 0, 1]), [2, 3]) });
    expect(Array.from(r.out.data as Float32Array)).toEqual([3, -1, 3, -1.5, 1, 5]);
  });

  it('refuses a tensor whose dims do not match its data', () => {
    const g = new OnnxGraphBuilder('bad');
    g.constFloat('w', [1, 2, 3], [2, 2]);
    expect(() => g.toBytes()).toThrow(/dims \[2,2\] hold 4 values but 3/);
  });
});
