// Gaussian blur of one plane, separable. Small sigmas use a sampled Gaussian kernel; larger
// ones use three running-sum box passes (their variances sum to about sigma², and three
// boxes are already close to Gaussian in shape) whose cost does not grow with sigma.
import { type Plane, newPlane } from './planes';

function kernel(sigma: number): Float32Array {
  const r = Math.max(1, Math.ceil(3 * sigma));
  const k = new Float32Array(2 * r + 1);
  let s = 0;
  for (let i = -r; i <= r; i++) s += k[i + r] = Math.exp((-i * i) / (2 * sigma * sigma));
  for (let i = 0; i < k.length; i++) k[i] /= s;
  return k;
}

/** Convolves rows (stride 1) or columns (stride width) with a kernel, edges clamped. */
function convolve(src: Float32Array, dst: Float32Array, len: number, count: number, step: number, lineStep: number, k: Float32Array): void {
  const r = (k.length - 1) >> 1;
  for (let l = 0; l < count; l++) {
    const base = l * lineStep;
    for (let i = 0; i < len; i++) {
      let s = 0;
      for (let j = -r; j <= r; j++) {
        const p = i + j < 0 ? 0 : i + j >= len ? len - 1 : i + j;
        s += src[base + p * step] * k[j + r];
      }
      dst[base + i * step] = s;
    }
  }
}

/** One box pass of radius r along each row, edges clamped (replicated). */
function boxRows(src: Float32Array, dst: Float32Array, w: number, h: number, r: number): void {
  const inv = 1 / (2 * r + 1);
  for (let y = 0; y < h; y++) {
    const o = y * w;
    const first = src[o], last = src[o + w - 1];
    let s = first * (r + 1);
    for (let j = 1; j <= r; j++) s += src[o + Math.min(j, w - 1)];
    for (let x = 0; x < w; x++) {
      dst[o + x] = s * inv;
      const add = x + r + 1, sub = x - r;
      s += (add < w ? src[o + add] : last) - (sub > 0 ? src[o + sub] : first);
    }
  }
}

/** One box pass of radius r down each column, run row by row (cache-friendly) with a running sum per column. */
function boxCols(src: Float32Array, dst: Float32Array, w: number, h: number, r: number, sums: Float64Array): void {
  const inv = 1 / (2 * r + 1);
  const lastRow = (h - 1) * w;
  for (let x = 0; x < w; x++) sums[x] = src[x] * (r + 1);
  for (let j = 1; j <= r; j++) {
    const o = Math.min(j, h - 1) * w;
    for (let x = 0; x < w; x++) sums[x] += src[o + x];
  }
  for (let y = 0; y < h; y++) {
    const o = y * w;
    const add = y + r + 1 < h ? (y + r + 1) * w : lastRow;
    const sub = y - r > 0 ? (y - r) * w : 0;
    for (let x = 0; x < w; x++) {
      dst[o + x] = sums[x] * inv;
      sums[x] += src[add + x] - src[sub + x];
    }
  }
}

/**
 * Radii of three box passes whose variances sum close to sigma² (a box of odd width w has
 * variance (w² − 1)/12): some passes use width wl, the others wl + 2, mixed so the total
 * lands nearest sigma² (the "almost Gaussian" box scheme, derived from that variance sum).
 */
export function boxRadiiFor(sigma: number): [number, number, number] {
  const n = 3;
  let wl = Math.floor(Math.sqrt((12 * sigma * sigma) / n + 1));
  if (wl % 2 === 0) wl--;
  const wu = wl + 2;
  const m = Math.round((12 * sigma * sigma - n * wl * wl - 4 * n * wl - 3 * n) / (-4 * wl - 4));
  const r = [0, 1, 2].map((i) => ((i < m ? wl : wu) - 1) / 2);
  return [Math.max(0, r[0]), Math.max(0, r[1]), Math.max(0, r[2])];
}

export function gaussianBlur(src: Plane, sigma: number): Plane {
  const { width: w, height: h } = src;
  if (sigma <= 0.05) return { width: w, height: h, data: Float32Array.from(src.data) };
  const tmp = new Float32Array(w * h);
  const out = newPlane(w, h);
  if (sigma < 2) {
    const k = kernel(sigma);
    convolve(src.data, tmp, w, h, 1, w, k);
    convolve(tmp, out.data, h, w, w, 1, k);
    return out;
  }
  const radii = boxRadiiFor(sigma);
  const sums = new Float64Array(w);
  boxRows(src.data, tmp, w, h, radii[0]);
  boxCols(tmp, out.data, w, h, radii[0], sums);
  for (let pass = 1; pass < 3; pass++) {
    boxRows(out.data, tmp, w, h, radii[pass]);
    boxCols(tmp, out.data, w, h, radii[pass], sums);
  }
  return out;
}
