// Evens out a coloured light that falls on part of a person's skin in their own photo (a cyan
// screen glow on one cheek, a warm lamp on the neck): the low-frequency chroma of the skin is
// pulled toward the face's own median skin chroma. Only chroma moves, through a smooth gain
// field, so the skin keeps its texture and luminance: the face stays the person's own pixels.
import type { Point3 } from '../face/types';
import { gaussianBlur } from './blur';
import { convexHull, fillPolygon } from './polygon';
import type { Plane, Rgb } from './planes';

/** How far the local skin chroma is pulled toward the face's median (1 = all the way; 0.8 keeps a little of the skin's own variation). */
export const SKIN_CAST_STRENGTH = 0.8;
/** Largest correction, in natural-log chroma units (1 ≈ a 2.7× channel ratio: a strong screen glow). */
const MAX_SHIFT = 1;
/**
 * Size of a cast, as a fraction of the face: the chroma is averaged over a Gaussian this wide
 * (σ). Tried 0.12 (the sample's cyan neck stayed half cyan) and 0.08 (gone); smaller would start
 * to flatten rosy cheeks, which are skin chroma too.
 */
const CAST_SCALE = 0.08;
/** Below this linear luminance a pixel's chroma is noise and does not vote. */
const MIN_LUMA = 0.01;

const median = (v: number[]): number => {
  if (v.length === 0) return 0;
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1];
};

/** Lips, eyes and brows keep their own colour: they neither vote for the skin's chroma nor get corrected. */
const FEATURES: readonly (readonly number[])[] = [
  [61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37, 39, 40, 185],
  [33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246],
  [263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466],
  [70, 63, 105, 66, 107, 55, 65, 52, 53, 46],
  [300, 293, 334, 296, 336, 285, 295, 282, 283, 276],
];

/**
 * The skin the correction may touch: the face's hull and the neck below it (the hull moved down
 * by half its height and widened a little), inside the person's matte.
 */
function skinRegion(points: readonly Point3[], matte: Plane, scale: number): { mask: Float32Array; hullMask: Float32Array; features: Float32Array; faceSize: number } {
  const { width: w, height: h } = matte;
  const pts = points.slice(0, 468).map(([x, y]) => [x * scale, y * scale] as [number, number]);
  const hull = convexHull(pts);
  const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs);
  const faceW = x1 - x0, faceH = Math.max(...ys) - Math.min(...ys), cx = (x0 + x1) / 2;
  const hullMask = fillPolygon(hull, w, h);
  // The neck and the jaw's underside: the hull moved down by half its height, a little wider.
  const neck = fillPolygon(hull.map(([x, y]) => [cx + (x - cx) * 1.15, y + faceH * 0.5] as [number, number]), w, h);
  // The features, grown by a few pixels so their rims (lipstick edge, lashes) are left alone too.
  const features = new Float32Array(w * h);
  for (const idx of FEATURES) {
    const poly = convexHull(idx.map((i) => pts[i]));
    const filled = fillPolygon(poly, w, h);
    for (let i = 0; i < filled.length; i++) features[i] = Math.max(features[i], filled[i]);
  }
  const grown = gaussianBlur({ width: w, height: h, data: features }, Math.max(1, faceW * 0.03)).data;
  const mask = new Float32Array(w * h);
  for (let i = 0; i < mask.length; i++) mask[i] = Math.max(hullMask[i], neck[i]) * (matte.data[i] >= 0.5 ? 1 : 0) * (grown[i] > 0.05 ? 0 : 1);
  return { mask, hullMask, features: grown, faceSize: Math.max(faceW, faceH) };
}

/** Corrects `colour` (linear RGB, the person's reduced photo) in place. `scale` maps photo pixels to `colour`'s. */
export function evenSkinCast(colour: Rgb, matte: Plane, points: readonly Point3[], scale: number, strength = SKIN_CAST_STRENGTH): void {
  const { width: w, height: h } = colour;
  const n = w * h;
  const { mask, hullMask, features, faceSize } = skinRegion(points, matte, scale);
  const u = new Float32Array(n), v = new Float32Array(n), weight = new Float32Array(n);
  const faceU: number[] = [], faceV: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = colour.r[i], g = colour.g[i], b = colour.b[i];
    const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    if (mask[i] === 0 || y < MIN_LUMA) continue;
    u[i] = Math.log((r + 1e-4) / (g + 1e-4));
    v[i] = Math.log((b + 1e-4) / (g + 1e-4));
    weight[i] = 1;
    if (hullMask[i]) {
      faceU.push(u[i]);
      faceV.push(v[i]);
    }
  }
  if (faceU.length < 16) return;
  const u0 = median(faceU), v0 = median(faceV);
  // Local mean skin chroma (normalised convolution: only skin pixels vote).
  const sigma = Math.max(1.5, faceSize * CAST_SCALE);
  const blur = (p: Float32Array) => gaussianBlur({ width: w, height: h, data: p }, sigma).data;
  // u and v are zero wherever weight is: they are already the weighted sums' terms.
  const bw = blur(weight), bu = blur(u), bv = blur(v);
  // Where the correction applies: the skin region, softened so it fades out rather than stops.
  const reach = blur(mask);
  for (let i = 0; i < n; i++) {
    if (reach[i] < 1e-3 || bw[i] < 1e-3) continue;
    const k = strength * Math.min(1, reach[i] * 2) * Math.max(0, 1 - features[i] * 3);
    const du = Math.max(-MAX_SHIFT, Math.min(MAX_SHIFT, u0 - bu[i] / bw[i])) * k;
    const dv = Math.max(-MAX_SHIFT, Math.min(MAX_SHIFT, v0 - bv[i] / bw[i])) * k;
    const r = colour.r[i] * Math.exp(du), g = colour.g[i], b = colour.b[i] * Math.exp(dv);
    // Keep the luminance: only the colour of the light changes.
    const before = 0.2126 * colour.r[i] + 0.7152 * g + 0.0722 * colour.b[i];
    const after = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const s = after > 1e-6 ? before / after : 1;
    colour.r[i] = r * s; colour.g[i] = g * s; colour.b[i] = b * s;
  }
}
