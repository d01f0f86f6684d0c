// Identity embedding of one face: aligned crop → embedding model → unit vector.
//
// The model is faceres (the descriptor @vladmandic/human matches faces with), fed an
// ArcFace-aligned 224 px crop in 0..255. MobileFaceNet from the same package was tried first:
// its converted output matches tfjs to 3e-7, but on our calibration photos every face scored
// ≥ 0.9995 against every other (same or different person), so it cannot tell people apart.
// faceres on aligned crops measured: same person mean 0.74 (min 0.61), different people mean
// 0.39 (see tests/integration/face/identity.test.ts).
import type { Pyramid } from '../image/pyramid';
import { pyramidLevelFor } from '../image/pyramid';
import { warpToTensor, type TensorLayout } from '../image/warp';
import type { Point3 } from './types';
import { alignmentAffine } from './align';
import { outputDims, type ModelSet } from './models';
import { l2Normalize } from './similarity';

export const EMBED_INPUT = 224;
/** faceres takes RGB as 0..255 floats, no mean subtraction (models/catalog.json). */
export const EMBED_LAYOUT: TensorLayout = { scale: 255, offset: 0 };
/** faceres outputs gender, age and the 1024-d descriptor; the descriptor is the identity. */
const DESCRIPTOR_LENGTH = 1024;

export async function embedFace(models: ModelSet, pyramid: Pyramid, points: readonly Point3[], layout = EMBED_LAYOUT): Promise<Float32Array> {
  const n = EMBED_INPUT;
  const { image, affine } = pyramidLevelFor(pyramid, alignmentAffine(points, n));
  const input = warpToTensor(image, affine, n, n, layout);
  const outputs = await outputDims(models, 'embed', input, [1, n, n, 3]);
  // Chosen by size, not position, so a re-export with another output order still works.
  const descriptor = outputs.find((o) => o.data.length === DESCRIPTOR_LENGTH) ?? outputs[outputs.length - 1];
  return l2Normalize(descriptor.data);
}
