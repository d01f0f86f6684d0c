// Person matte at full photo resolution: the selfie segmentation model at 256 × 256, upsampled
// with a fast guided filter (upsample.ts) so edges follow the photo rather than the 256 px mask.
import type { Image8, Mask } from '../image/types';
import { buildPyramid, pyramidLevelFor, type Pyramid } from '../image/pyramid';
import { warpToTensor } from '../image/warp';
import { outputDims, type ModelSet } from '../face/models';
import { callOp } from '../offload/client';

export const SEGMENT_INPUT = 256;
/** Working size for the guided filter: big enough for hair detail, small enough to take ~100 ms. */
const WORK_MAX_SIDE = 1024;

export interface MatteOptions {
  models: ModelSet;
  pyramid?: Pyramid;
}

/** The model's raw 256 × 256 person probability for the whole photo (squashed, as it was trained). */
export async function segmentLowRes(image: Image8, opts: MatteOptions): Promise<Mask> {
  const n = SEGMENT_INPUT;
  const pyramid = opts.pyramid ?? buildPyramid(image);
  const { image: level, affine } = pyramidLevelFor(pyramid, [image.width / n, 0, 0, 0, image.height / n, 0]);
  const input = warpToTensor(level, affine, n, n, { scale: 1, offset: 0 });
  const outputs = await outputDims(opts.models, 'segment', input, [1, n, n, 3]);
  const out = outputs[0];
  const data = new Float32Array(n * n);
  const ch = out.data.length / (n * n);
  // Two-channel models (meet) give [background, person]; one-channel ones give person.
  for (let i = 0; i < n * n; i++) data[i] = out.data[i * ch + ch - 1];
  return { width: n, height: n, data };
}

export async function personMatte(image: Image8, opts: MatteOptions): Promise<Mask> {
  const pyramid = opts.pyramid ?? buildPyramid(image);
  const low = await segmentLowRes(image, { ...opts, pyramid });
  // Working level: the first pyramid level no larger than WORK_MAX_SIDE.
  let work = pyramid.levels[pyramid.levels.length - 1];
  for (const l of pyramid.levels) if (Math.max(l.width, l.height) <= WORK_MAX_SIDE) { work = l; break; }
  // On the pixel worker: at 12 MP this is ~0.5 s of arithmetic that would hold this thread.
  return callOp('upsampleMatte', { low, work, image });
}
