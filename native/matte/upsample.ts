// The 256 px person mask brought to full photo resolution with a fast guided filter:
// coefficients solved at the working size (≤ 1 MP), applied at full resolution against the
// full-resolution photo, so edges follow the photo. Pure: it runs on the pixel worker.
import type { Image8, Mask } from '../image/types';
import { luma } from '../image/metrics';
import { resizeMaskBilinear } from '../image/resize';
import { guidedCoefficients } from './guided-filter';

/** Edge threshold: 1e-3 ≈ a grey-level standard deviation of 8/255 inside the window. */
const EPS = 1e-3;
/** Radius = working size / 100 (≈ the blur of the 256 px mask there). Tried /150–/250 and eps 1e-4–1e-2 on two photos: edge alignment (below) best or equal at /100, 1e-3. */
const RADIUS_DIVISOR = 100;

export function greyGuide(img: Image8): Float32Array {
  const n = img.width * img.height;
  const out = new Float32Array(n);
  const C = img.channels;
  for (let i = 0; i < n; i++) out[i] = luma(img.data[i * C], img.data[i * C + 1], img.data[i * C + 2]) / 255;
  return out;
}

/** `work`: the photo at the working size; `image`: the photo at full size. */
export function upsampleMatte(low: Mask, work: Image8, image: Image8): Mask {
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
