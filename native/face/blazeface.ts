// Decoding raw BlazeFace rows ([score logit, cx, cy, w, h, 6 × (kx, ky)] per anchor, offsets in
// input pixels) into candidates in photo pixels.
import type { Affine } from '../image/affine';
import { applyAffine } from '../image/affine';
import type { Candidate } from './nms';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * raw: rows × 17 floats; anchors: [x, y] per row in input pixels; inputToPhoto maps input pixels
 * (continuous) to photo pixels. Only rows scoring at least minScore are decoded.
 */
export function decodeBlazeFace(raw: Float32Array, anchors: Float32Array, inputToPhoto: Affine, minScore: number): Candidate[] {
  const rows = anchors.length / 2;
  const stride = raw.length / rows;
  if (!Number.isInteger(stride) || stride < 17) throw new RangeError(`BlazeFace output has ${raw.length} values for ${rows} anchors`);
  // Compare logits, not probabilities: saves an exp per anchor and is exact.
  const minLogit = Math.log(minScore / (1 - minScore));
  const out: Candidate[] = [];
  for (let i = 0; i < rows; i++) {
    const o = i * stride;
    // Clamp like MediaPipe (score_clipping_thresh 100) so exp cannot overflow.
    const logit = Math.max(-100, Math.min(100, raw[o]));
    if (logit < minLogit) continue;
    const ax = anchors[2 * i], ay = anchors[2 * i + 1];
    const cx = ax + raw[o + 1], cy = ay + raw[o + 2];
    const hw = raw[o + 3] / 2, hh = raw[o + 4] / 2;
    // The input → photo map is a similarity (scale, translation, and for sideways photos a
    // multiple of 90°), so the box's four corners give its axis-aligned extent exactly.
    const corners = [applyAffine(inputToPhoto, cx - hw, cy - hh), applyAffine(inputToPhoto, cx + hw, cy - hh), applyAffine(inputToPhoto, cx - hw, cy + hh), applyAffine(inputToPhoto, cx + hw, cy + hh)];
    const xs = corners.map((c) => c[0]), ys = corners.map((c) => c[1]);
    const [x0, y0, x1, y1] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    const keypoints: [number, number][] = [];
    for (let k = 0; k < 6; k++) keypoints.push(applyAffine(inputToPhoto, ax + raw[o + 5 + 2 * k], ay + raw[o + 6 + 2 * k]));
    out.push({ x0, y0, x1, y1, score: sigmoid(logit), keypoints });
  }
  return out;
}
