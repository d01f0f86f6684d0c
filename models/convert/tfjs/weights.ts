// Decodes the weights of a TFJS graph model: the shards of each manifest group are one
// byte stream, read in the order the manifest lists its weights. Quantized weights are
// widened to float32 exactly as tfjs does when it loads them, so the converted model and
// the tfjs reference start from the same numbers.
import type { WeightGroup, WeightSpec } from './model-json';
import { halfToFloat } from '../common/float16';
export { halfToFloat };

export interface DecodedWeight {
  dtype: 'float32' | 'int32';
  shape: number[];
  data: Float32Array | Int32Array;
}


const STORED_BYTES: Record<string, number> = { float32: 4, int32: 4, float16: 2, uint16: 2, uint8: 1, bool: 1 };

function storedType(spec: WeightSpec): string {
  return spec.quantization?.dtype ?? spec.dtype;
}

function decodeOne(spec: WeightSpec, bytes: Uint8Array, label: string): DecodedWeight {
  const count = spec.shape.reduce((a, b) => a * b, 1);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stored = storedType(spec);
  if (spec.dtype === 'int32') {
    if (stored !== 'int32') throw new Error(`${label}: weight ${spec.name} is int32 quantized as ${stored}, which is not supported`);
    const out = new Int32Array(count);
    for (let i = 0; i < count; i++) out[i] = view.getInt32(i * 4, true);
    return { dtype: 'int32', shape: spec.shape, data: out };
  }
  if (spec.dtype !== 'float32') throw new Error(`${label}: weight ${spec.name} has dtype ${spec.dtype}; only float32 and int32 are supported`);
  const out = new Float32Array(count);
  const q = spec.quantization;
  if (stored === 'float32') {
    for (let i = 0; i < count; i++) out[i] = view.getFloat32(i * 4, true);
  } else if (stored === 'float16') {
    for (let i = 0; i < count; i++) out[i] = halfToFloat(view.getUint16(i * 2, true));
  } else if (stored === 'uint8' || stored === 'uint16') {
    if (q?.scale === undefined || q.min === undefined) {
      throw new Error(`${label}: weight ${spec.name} is ${stored}-quantized but has no scale/min`);
    }
    const scale = q.scale;
    const min = q.min;
    for (let i = 0; i < count; i++) {
      const v = stored === 'uint8' ? view.getUint8(i) : view.getUint16(i * 2, true);
      out[i] = v * scale + min;
    }
  } else {
    throw new Error(`${label}: weight ${spec.name} is stored as ${stored}, which the converter cannot decode`);
  }
  return { dtype: 'float32', shape: spec.shape, data: out };
}

/**
 * Decodes every weight of every group. `shards` are the bytes of each group's paths, in
 * manifest order (group by group). A short shard is reported with the weight it cut.
 */
export function decodeWeights(manifest: readonly WeightGroup[], shards: readonly Uint8Array[][], label: string): Map<string, DecodedWeight> {
  const out = new Map<string, DecodedWeight>();
  manifest.forEach((group, gi) => {
    const parts = shards[gi] ?? [];
    const total = parts.reduce((a, p) => a + p.byteLength, 0);
    const joined = new Uint8Array(total);
    let at = 0;
    for (const p of parts) {
      joined.set(p, at);
      at += p.byteLength;
    }
    let offset = 0;
    for (const spec of group.weights) {
      const size = spec.shape.reduce((a, b) => a * b, 1) * (STORED_BYTES[storedType(spec)] ?? NaN);
      if (!Number.isFinite(size)) throw new Error(`${label}: weight ${spec.name} is stored as ${storedType(spec)}, which the converter cannot decode`);
      if (offset + size > total) {
        throw new Error(
          `${label}: weight file ${group.paths.join('+')} is too short (${total} bytes) for weight ${spec.name} at byte ${offset}; the file is truncated or corrupt, reinstall the package`,
        );
      }
      out.set(spec.name, decodeOne(spec, joined.subarray(offset, offset + size), label));
      offset += size;
    }
    if (offset !== total) {
      throw new Error(`${label}: weight file ${group.paths.join('+')} has ${total - offset} bytes more than its manifest describes; the file does not belong to this model.json`);
    }
  });
  return out;
}
