// Compares a converted Real-ESRGAN ONNX file with the plain-TypeScript NCNN reference on
// small seeded inputs, and reports the worst absolute difference.
import type { ModelVerification } from '../catalog-types';
import type { NcnnModel } from '../convert/ncnn/model';
import { createRng } from '../../native/random/prng';
import { createSession } from '../../native/runtime/session';
import * as ort from 'onnxruntime-node';
import { ncnnReferenceForward } from './esrgan-reference';

export interface VerifyCase {
  height: number;
  width: number;
  seed: number;
}

/** Uniform 0..1 RGB noise: every pixel different, so a transposed or shifted layer cannot hide. */
export function seededImageTensor(c: VerifyCase): Float32Array {
  const rng = createRng(c.seed);
  const data = new Float32Array(3 * c.height * c.width);
  for (let i = 0; i < data.length; i++) data[i] = rng.next();
  return data;
}

export async function verifyAgainstReference(model: NcnnModel, onnxPath: string, cases: readonly VerifyCase[]): Promise<ModelVerification> {
  const { session } = await createSession(onnxPath, { preference: 'cpu' });
  let maxAbsError = 0;
  let lo = Infinity;
  let hi = -Infinity;
  try {
    for (const c of cases) {
      const x = seededImageTensor(c);
      const got = (await session.run({ input: new ort.Tensor('float32', x, [1, 3, c.height, c.width]) })).output;
      const want = ncnnReferenceForward(model, { c: 3, h: c.height, w: c.width, data: x });
      const dims = got.dims.join('×');
      if (dims !== `1×${want.c}×${want.h}×${want.w}`) throw new Error(`ONNX output is ${dims}, reference is 1×${want.c}×${want.h}×${want.w}`);
      const g = got.data as Float32Array;
      for (let i = 0; i < g.length; i++) {
        const d = Math.abs(g[i] - want.data[i]);
        // NaN must fail verification, not vanish in Math.max.
        maxAbsError = Number.isNaN(d) ? Infinity : Math.max(maxAbsError, d);
        lo = Math.min(lo, want.data[i]);
        hi = Math.max(hi, want.data[i]);
      }
    }
  } finally {
    await session.release();
  }
  return {
    reference: 'plain-TypeScript fp32 NCNN forward pass (models/verify/esrgan-reference.ts), float64 accumulation',
    maxAbsError,
    outputRange: hi - lo,
    inputs: cases.map((c) => `${c.width}×${c.height} uniform noise seed ${c.seed}`).join('; '),
    measuredAt: new Date().toISOString(),
  };
}
