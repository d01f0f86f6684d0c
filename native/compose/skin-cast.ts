// Evens out a coloured light that falls on part of a person's skin in their own photo (a cyan
// screen glow on one cheek, a warm lamp on the neck): the low-frequency chroma of the skin is
// pulled toward a reference skin chroma (the median of the face pixels whose colour skin can
// have), then what a narrow streak leaves over is capped. Only chroma moves, so the skin keeps
// its texture and luminance: the face stays the person's own pixels. Ears, lower neck and
// collarbones join where their colour is one the face shows; lips and eyes lose the light's
// cast but keep their own colour.
import type { Point3 } from '../face/types';
import { gaussianBlur } from './blur';
import { convexHull, fillPolygon } from './polygon';
import { editLinearBox, type Plane, type Rgb } from './planes';
import type { Image8 } from '../image/types';

/** How far the local skin chroma is pulled toward the reference (1 = all the way; 0.8 keeps a little of the skin's own variation). */
export const SKIN_CAST_STRENGTH = 0.8;
/** Largest smooth correction, in natural-log chroma units (1.6 ≈ a 5× channel ratio: the sample's cyan jaw needed 1.3–2). */
const MAX_SHIFT = 1.6;
/**
 * Size of a cast, as a fraction of the face: the chroma is averaged over a Gaussian this wide
 * (σ). Tried 0.12 (the sample's cyan neck stayed half cyan) and 0.08 (gone); smaller would start
 * to flatten rosy cheeks, which are skin chroma too.
 */
const CAST_SCALE = 0.08;
/** Below this linear luminance a pixel's chroma is noise and does not vote. */
const MIN_LUMA = 0.01;

const median = (v: readonly number[]): number => {
  if (v.length === 0) return 0;
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1];
};

/**
 * Skin is never bluer than it is green under any everyday light but a coloured one (measured on
 * the sample selfies: ln(b/g) −0.3 to −0.9 on evenly lit skin; +0.5 under the cyan glow).
 */
const MAX_SKIN_V = -0.05;
/**
 * How far (natural-log chroma units, each axis) a skin pixel may stay from the reference after
 * the smooth correction: rosy cheeks and shadowed skin sit within ±0.3 of the face's median on
 * the sample selfies; the jaw's cyan shadow was 1.3 away before, 0.6 after the smooth pass alone.
 */
const SKIN_CHROMA_SPREAD = 0.35;

/**
 * The chroma the face's skin is pulled toward: the median of the face pixels whose colour skin
 * can have. A cast over half the face (the sample's cyan cheek covers 60 % of its pixels) would
 * otherwise pull the median, and with it the whole face, toward the cast. With too few such
 * pixels (a face lit blue all over) the plain median stays: there is no sound skin to go by.
 */
function referenceChroma(faceU: readonly number[], faceV: readonly number[]): [number, number] {
  const su: number[] = [], sv: number[] = [];
  for (let i = 0; i < faceV.length; i++) if (faceV[i] <= MAX_SKIN_V) { su.push(faceU[i]); sv.push(faceV[i]); }
  return su.length >= Math.max(16, faceU.length * 0.15) ? [median(su), median(sv)] : [median(faceU), median(faceV)];
}

/** Chroma histogram cell size (natural-log units) and how common a colour must be on the face. */
const CHROMA_BIN = 0.1;
const MIN_FACE_SHARE = 0.002;

/** Whether a chroma is one the face's own skin shows on at least MIN_FACE_SHARE of its pixels (histogram, 3 × 3 cells pooled). */
function chromaLookup(faceU: readonly number[], faceV: readonly number[]): (u: number, v: number) => boolean {
  const N = 48, lo = -2.4;
  const cell = (x: number) => Math.max(0, Math.min(N - 1, Math.floor((x - lo) / CHROMA_BIN)));
  const hist = new Float32Array(N * N);
  for (let i = 0; i < faceU.length; i++) hist[cell(faceV[i]) * N + cell(faceU[i])]++;
  const pooled = new Float32Array(N * N);
  for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) {
    let sum = 0;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
      const yy = y + dy, xx = x + dx;
      if (yy >= 0 && yy < N && xx >= 0 && xx < N) sum += hist[yy * N + xx];
    }
    pooled[y * N + x] = sum;
  }
  const min = faceU.length * MIN_FACE_SHARE;
  return (u, v) => pooled[cell(v) * N + cell(u)] >= min;
}

/** Lips, eyes and brows keep their own colour: they do not vote for the skin's chroma, and only the light's cast is taken off them. */
const FEATURES: readonly (readonly number[])[] = [
  [61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37, 39, 40, 185],
  [33, 7, 163, 144, 145, 153, 154, 155, 133, 173, 157, 158, 159, 160, 161, 246],
  [263, 249, 390, 373, 374, 380, 381, 382, 362, 398, 384, 385, 386, 387, 388, 466],
  [70, 63, 105, 66, 107, 55, 65, 52, 53, 46],
  [300, 293, 334, 296, 336, 285, 295, 282, 283, 276],
];

/**
 * The skin the correction may touch: the face's hull and the neck below it (the hull moved down
 * by half its height and widened a little), inside the person's matte; and, as `outer`, where
 * more skin may be (ears, the lower neck, the collarbones) if its colour says so.
 */
function skinRegion(points: readonly Point3[], matte: Plane, scale: number): { mask: Float32Array; outer: Float32Array; hullMask: Float32Array; features: Float32Array; faceSize: number } {
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
  // Ears and the jaw's sides (the hull widened), the lower neck and collarbones (moved further down, wider).
  const sides = fillPolygon(hull.map(([x, y]) => [cx + (x - cx) * 1.3, y] as [number, number]), w, h);
  const lowerNeck = fillPolygon(hull.map(([x, y]) => [cx + (x - cx) * 1.5, y + faceH * 1.1] as [number, number]), w, h);
  const mask = new Float32Array(w * h), outer = new Float32Array(w * h);
  for (let i = 0; i < mask.length; i++) {
    const free = (matte.data[i] >= 0.5 ? 1 : 0) * (grown[i] > 0.05 ? 0 : 1);
    mask[i] = Math.max(hullMask[i], neck[i]) * free;
    outer[i] = mask[i] ? 0 : Math.max(sides[i], neck[i], lowerNeck[i]) * free;
  }
  return { mask, outer, hullMask, features: grown, faceSize: Math.max(faceW, faceH) };
}

/** Corrects `colour` (linear RGB, the person's reduced photo) in place. `scale` maps photo pixels to `colour`'s. */
export function evenSkinCast(colour: Rgb, matte: Plane, points: readonly Point3[], scale: number, strength = SKIN_CAST_STRENGTH): void {
  const { width: w, height: h } = colour;
  const n = w * h;
  const { mask, outer, hullMask, features, faceSize } = skinRegion(points, matte, scale);
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
  const [u0, v0] = referenceChroma(faceU, faceV);
  // Beyond the face and upper neck, a pixel is skin if the face has that colour too (the same
  // glow falls on cheek and lower neck); a collar, a strap or a red top does not join in.
  const isFaceColour = chromaLookup(faceU, faceV);
  for (let i = 0; i < n; i++) {
    if (!outer[i]) continue;
    const r = colour.r[i], g = colour.g[i], b = colour.b[i];
    if (0.2126 * r + 0.7152 * g + 0.0722 * b < MIN_LUMA) continue;
    const ui = Math.log((r + 1e-4) / (g + 1e-4)), vi = Math.log((b + 1e-4) / (g + 1e-4));
    if (!isFaceColour(ui, vi)) continue;
    u[i] = ui; v[i] = vi; weight[i] = 1; mask[i] = 1;
  }
  // Local mean skin chroma (normalised convolution: only skin pixels vote).
  const sigma = Math.max(1.5, faceSize * CAST_SCALE);
  const blur = (p: Float32Array) => gaussianBlur({ width: w, height: h, data: p }, sigma).data;
  // u and v are zero wherever weight is: they are already the weighted sums' terms.
  const bw = blur(weight), bu = blur(u), bv = blur(v);
  // Where the correction applies: the skin region with the features inside the face (they sit
  // in the same light), softened so it fades out rather than stops.
  const area = new Float32Array(n);
  for (let i = 0; i < n; i++) area[i] = mask[i] || (hullMask[i] && features[i] > 0.05) ? 1 : 0;
  const reach = blur(area);
  for (let i = 0; i < n; i++) {
    if (reach[i] < 1e-3 || bw[i] < 1e-3) continue;
    // Lips, eyes and brows take the light's correction too (the same glow falls on them), but
    // not the pull toward skin colour below: their own colour is not skin's.
    const k = strength * Math.min(1, reach[i] * 2);
    const onSkin = features[i] * 3 < 1;
    const du = Math.max(-MAX_SHIFT, Math.min(MAX_SHIFT, u0 - bu[i] / bw[i])) * k;
    const dv = Math.max(-MAX_SHIFT, Math.min(MAX_SHIFT, v0 - bv[i] / bw[i])) * k;
    let r = colour.r[i] * Math.exp(du), b = colour.b[i] * Math.exp(dv);
    const g = colour.g[i];
    // A narrow streak of glow (the shadow under the jaw, lit by the coloured light alone) is
    // stronger than the smooth field says. No skin pixel stays further than SKIN_CHROMA_SPREAD
    // from the reference; the chroma is rebuilt on green (the channel such a light leaves
    // strong), so no weak channel is amplified.
    if (mask[i] && onSkin) {
      const cu = Math.log((r + 1e-4) / (g + 1e-4)), cv = Math.log((b + 1e-4) / (g + 1e-4));
      const tu = u0 + Math.max(-SKIN_CHROMA_SPREAD, Math.min(SKIN_CHROMA_SPREAD, cu - u0));
      const tv = v0 + Math.max(-SKIN_CHROMA_SPREAD, Math.min(SKIN_CHROMA_SPREAD, cv - v0));
      if (tu !== cu || tv !== cv) {
        r = g * Math.exp(cu + (tu - cu) * k / strength);
        b = g * Math.exp(cv + (tv - cv) * k / strength);
      }
    }
    // Keep the luminance: only the colour of the light changes.
    const before = 0.2126 * colour.r[i] + 0.7152 * g + 0.0722 * colour.b[i];
    const after = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const s = after > 1e-6 ? before / after : 1;
    colour.r[i] = r * s; colour.g[i] = g * s; colour.b[i] = b * s;
  }
}

/**
 * The same on an 8-bit photo, for uses that need the face alone (the baby renderer warps only
 * the mesh's inside): a copy with the face's skin evened, converting only the face's box to
 * linear light; the face's hull stands in for the person's matte.
 */
export function evenSkinCastImage8(photo: Image8, points: readonly Point3[], strength = SKIN_CAST_STRENGTH): Image8 {
  const pts = points.slice(0, 468);
  const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
  const pad = 0.15 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const box = { x0: Math.min(...xs) - pad, y0: Math.min(...ys) - pad, x1: Math.max(...xs) + pad, y1: Math.max(...ys) + pad };
  return editLinearBox(photo, box, (colour, ox, oy) => {
    const local = points.map(([x, y, z]) => [x - ox, y - oy, z] as Point3);
    const hull = fillPolygon(convexHull(local.slice(0, 468).map(([x, y]) => [x, y] as [number, number])), colour.width, colour.height);
    evenSkinCast(colour, { width: colour.width, height: colour.height, data: hull }, local, 1, strength);
  });
}
