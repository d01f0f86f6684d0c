import { describe, expect, it } from 'vitest';
import { decodeWeights, halfToFloat } from '../../../models/convert/tfjs/weights';
import { parseModelJson } from '../../../models/convert/tfjs/model-json';

describe('halfToFloat', () => {
  it('decodes normal, subnormal and special binary16 values', () => {
    expect(halfToFloat(0x3c00)).toBe(1);
    expect(halfToFloat(0xc000)).toBe(-2);
    expect(halfToFloat(0x3555)).toBeCloseTo(0.33325, 5);
    expect(halfToFloat(0x7bff)).toBe(65504);
    expect(halfToFloat(0x0001)).toBe(2 ** -24);
    expect(halfToFloat(0x8000)).toBe(-0);
    expect(halfToFloat(0x7c00)).toBe(Infinity);
    expect(halfToFloat(0xfc00)).toBe(-Infinity);
    expect(halfToFloat(0x7e00)).toBeNaN();
  });

  it('agrees with the platform float16 conversion on every finite half', () => {
    // Float16Array (Node 24) is an independent implementation of the same format.
    const F16 = (globalThis as unknown as { Float16Array?: new (b: ArrayBuffer) => ArrayLike<number> }).Float16Array;
    if (!F16) return;
    const u16 = new Uint16Array(65536).map((_, i) => i);
    const ref = new F16(u16.buffer);
    for (let i = 0; i < 65536; i++) {
      const v = halfToFloat(i);
      if (Number.isNaN(ref[i])) expect(v).toBeNaN();
      else expect(v).toBe(ref[i]);
    }
  });
});

function le(values: number[], kind: 'f32' | 'i32' | 'u16' | 'u8'): Uint8Array {
  const size = { f32: 4, i32: 4, u16: 2, u8: 1 }[kind];
  const dv = new DataView(new ArrayBuffer(values.length * size));
  values.forEach((v, i) => {
    if (kind === 'f32') dv.setFloat32(i * 4, v, true);
    else if (kind === 'i32') dv.setInt32(i * 4, v, true);
    else if (kind === 'u16') dv.setUint16(i * 2, v, true);
    else dv.setUint8(i, v);
  });
  return new Uint8Array(dv.buffer);
}

const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));

describe('decodeWeights', () => {
  const manifest = [
    {
      paths: ['a.bin', 'b.bin'],
      weights: [
        { name: 'f32', shape: [2], dtype: 'float32' },
        { name: 'f16', shape: [2, 1], dtype: 'float32', quantization: { dtype: 'float16' } },
        { name: 'q8', shape: [3], dtype: 'float32', quantization: { dtype: 'uint8', scale: 0.5, min: -1 } },
        { name: 'i32', shape: [2], dtype: 'int32' },
      ],
    },
  ];
  const bytes = concat(le([1.5, -3], 'f32'), le([0x3c00, 0xc000], 'u16'), le([0, 3, 255], 'u8'), le([7, -9], 'i32'));

  it('reads float32, float16, uint8 (q·scale + min) and int32 across shard boundaries', () => {
    // Split mid-weight: the shards of one group are a single byte stream.
    const w = decodeWeights(manifest, [[bytes.slice(0, 6), bytes.slice(6)]], 'test');
    expect(Array.from(w.get('f32')!.data)).toEqual([1.5, -3]);
    expect(Array.from(w.get('f16')!.data)).toEqual([1, -2]);
    expect(w.get('f16')!.shape).toEqual([2, 1]);
    expect(Array.from(w.get('q8')!.data)).toEqual([-1, 0.5, 126.5]);
    expect(w.get('i32')!.dtype).toBe('int32');
    expect(Array.from(w.get('i32')!.data)).toEqual([7, -9]);
  });

  it('names the model, file and weight when a shard is truncated', () => {
    expect(() => decodeWeights(manifest, [[bytes.slice(0, 10)]], 'facemesh')).toThrow(/facemesh: weight file a\.bin\+b\.bin is too short \(10 bytes\) for weight f16/);
  });

  it('rejects extra bytes as a mismatched file', () => {
    expect(() => decodeWeights(manifest, [[concat(bytes, new Uint8Array(4))]], 'iris')).toThrow(/iris: .* 4 bytes more than its manifest/);
  });
});

describe('parseModelJson', () => {
  it('explains invalid JSON and a missing topology with the model name', () => {
    expect(() => parseModelJson('{not json', 'selfie')).toThrow(/selfie: model\.json is not valid JSON/);
    expect(() => parseModelJson('{"weightsManifest": []}', 'selfie')).toThrow(/selfie: model\.json is not a TFJS graph model: modelTopology/);
  });

  it('refuses control-flow function libraries', () => {
    const json = { modelTopology: { node: [{ name: 'x', op: 'Placeholder' }], library: { function: [{}] } }, weightsManifest: [] };
    expect(() => parseModelJson(JSON.stringify(json), 'rvm')).toThrow(/rvm: .*function library/);
  });
});
