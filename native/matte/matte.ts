// Person matte at full photo resolution: the selfie segmentation model at 256 × 256, upsampled
// with a fast guided filter (coefficients solved at ≤ 1 MP, applied at full resolution against
// the full-resolution photo), so edges follow the photo rather than the 256 px mask.
import type { Image8, Mask } from '../image/types';
import { luma } from '../image/metrics';
import { buildPyramid, pyramidLevelFor, type Pyramid } from '../image/pyramid';
import { resizeMaskBilinear } from '../image/resize';
import { warpToTensor } from '../image/warp';
import { outputDims, type ModelSet } from '../face/models';
import { guidedCoefficients } from './guided-filter';

export const SEGMENT_INPUT = 256;
/** Working size for the guided filter: big enough for hair detail, small enough to take ~100 ms. */
const WORK_MAX_SIDE = 1024;
/** Edge threshold: 1e-3 ≈ a grey-level standard deviation of 8/255 inside the window. */
const EPS = 1e-3;
/** Radius = working size / 100 (≈ the blur of the 256 px mask there). Tried /150–/250 and eps 1e-4–1e-2 on two photos: edge alignment (below) best or equal at /100, 1e-3. */
const RADIUS_DIVISOR = 100;

export interface MatteOptions {
  models: ModelSet;
  pyramid?: Pyramid;
}

export function greyGuide(img: Image8): Float32Array {
  const n = img.width * img.height;
  const out = new Float32Array(n);
  const C = img.channels;
  for (let i = 0; i < n; i++) out[i] = luma(img.data[i * C], img.data[i * C + 1], img.data[i * C + 2]) / 255;
  return out;
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
  const guideWork = greyGuide(work);
  const maskWork = resizeMaskBilinear(low, work.width, work.height);
  // Radius ~1 % of the working size: about the blur of the 256 px mask upsampled there.
  const r = Math.max(2, Math.round(Math.max(work.width, work.height) / RADIUS_DIVISOR));
  const coef = guidedCoefficients(guideWork, maskWork.data, work.width, work.height, r, EPS);
  const a = resizeMaskBilinear({ width: work.width, height: work.height, data: coef.a }, image.width, image.height).data;
  const b = resizeMaskBilinear({ width: work.width, height: work.height, data: coef.b }, image.width, image.height).data;
  const out = new Float32Array(image.width * image.height);
  const C = image.channels;
  for (let i = 0; i < out.length; i++) {
    const g = luma(image.data[i * C], image.data[i * C + 1], image.data[i * C + 2]) / 255;
    out[i] = Math.min(1, Math.max(0, a[i] * g + b[i]));
  }
  return { width: image.width, height: image.height, data: out };
}
