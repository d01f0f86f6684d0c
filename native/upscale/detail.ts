// Pure image math for skin-detail preservation: Real-ESRGAN flattens fine skin texture
// (pores, freckles, fine noise), so inside the face the upscaler swaps the network's
// fine luminance band for the input's own, taken from a Lanczos upscale of the input.
// All planes are row-major Float32Array of w×h; planar RGB is three such planes in a row.

/** Rec. 601 luma of planar RGB (on the sRGB-encoded values: detail, not colorimetry). */
export function lumaPlanar(rgb: Float32Array, width: number, height: number): Float32Array {
  const n = width * height;
  if (rgb.length < 3 * n) throw new RangeError(`planar RGB of ${width}×${height} needs ${3 * n} values, got ${rgb.length}`);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) y[i] = 0.299 * rgb[i] + 0.587 * rgb[n + i] + 0.114 * rgb[2 * n + i];
  return y;
}

function gaussianKernel(sigma: number): Float32Array {
  const r = Math.max(1, Math.ceil(3 * sigma));
  const k = new Float32Array(2 * r + 1);
  let sum = 0;
  for (let i = -r; i <= r; i++) sum += k[i + r] = Math.exp((-i * i) / (2 * sigma * sigma));
  for (let i = 0; i < k.length; i++) k[i] /= sum;
  return k;
}

/** Separable 1-D filter along rows then columns, edges clamped. */
function separable(src: Float32Array, width: number, height: number, k: Float32Array): Float32Array {
  const r = (k.length - 1) >> 1;
  const tmp = new Float32Array(width * height);
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      let acc = 0;
      for (let i = -r; i <= r; i++) {
        const xx = x + i < 0 ? 0 : x + i >= width ? width - 1 : x + i;
        acc += k[i + r] * src[row + xx];
      }
      tmp[row + x] = acc;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let acc = 0;
      for (let i = -r; i <= r; i++) {
        const yy = y + i < 0 ? 0 : y + i >= height ? height - 1 : y + i;
        acc += k[i + r] * tmp[yy * width + x];
      }
      out[y * width + x] = acc;
    }
  }
  return out;
}

export function gaussianBlur(plane: Float32Array, width: number, height: number, sigma: number): Float32Array {
  if (!(sigma > 0)) throw new RangeError(`blur sigma must be positive, got ${sigma}`);
  return separable(plane, width, height, gaussianKernel(sigma));
}

function lanczos3(x: number): number {
  if (x === 0) return 1;
  if (x <= -3 || x >= 3) return 0;
  const px = Math.PI * x;
  return (3 * Math.sin(px) * Math.sin(px / 3)) / (px * px);
}

/** Per output index: the first source tap and 6 normalised Lanczos-3 weights (pixel-centre aligned, edges clamped). */
function lanczosTaps(srcLen: number, scale: number): { first: Int32Array; weights: Float32Array } {
  const outLen = srcLen * scale;
  const first = new Int32Array(outLen);
  const weights = new Float32Array(outLen * 6);
  for (let o = 0; o < outLen; o++) {
    const u = (o + 0.5) / scale - 0.5;
    const f = Math.floor(u) - 2;
    first[o] = f;
    let sum = 0;
    for (let t = 0; t < 6; t++) sum += weights[o * 6 + t] = lanczos3(u - (f + t));
    for (let t = 0; t < 6; t++) weights[o * 6 + t] /= sum;
  }
  return { first, weights };
}

/** Lanczos-3 upscale of one plane by a whole factor. */
export function lanczosUpscale(plane: Float32Array, width: number, height: number, scale: number): Float32Array {
  if (!Number.isInteger(scale) || scale < 1) throw new RangeError(`scale must be a whole number ≥ 1, got ${scale}`);
  const ow = width * scale;
  const oh = height * scale;
  const tx = lanczosTaps(width, scale);
  const ty = lanczosTaps(height, scale);
  const clampX = (i: number) => (i < 0 ? 0 : i >= width ? width - 1 : i);
  const clampY = (i: number) => (i < 0 ? 0 : i >= height ? height - 1 : i);
  const tmp = new Float32Array(ow * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < ow; x++) {
      let acc = 0;
      for (let t = 0; t < 6; t++) acc += tx.weights[x * 6 + t] * plane[y * width + clampX(tx.first[x] + t)];
      tmp[y * ow + x] = acc;
    }
  }
  const out = new Float32Array(ow * oh);
  for (let y = 0; y < oh; y++) {
    for (let t = 0; t < 6; t++) {
      const w = ty.weights[y * 6 + t];
      const src = clampY(ty.first[y] + t) * ow;
      for (let x = 0; x < ow; x++) out[y * ow + x] += w * tmp[src + x];
    }
  }
  return out;
}

/** Bilinear upscale by a whole factor, pixel-centre aligned, edges clamped (for masks: stays in 0..1). */
export function bilinearUpscale(plane: Float32Array, width: number, height: number, scale: number): Float32Array {
  const ow = width * scale;
  const oh = height * scale;
  const out = new Float32Array(ow * oh);
  for (let y = 0; y < oh; y++) {
    const v = Math.min(Math.max((y + 0.5) / scale - 0.5, 0), height - 1);
    const y0 = Math.floor(v);
    const y1 = Math.min(y0 + 1, height - 1);
    const fy = v - y0;
    for (let x = 0; x < ow; x++) {
      const u = Math.min(Math.max((x + 0.5) / scale - 0.5, 0), width - 1);
      const x0 = Math.floor(u);
      const x1 = Math.min(x0 + 1, width - 1);
      const fx = u - x0;
      const top = plane[y0 * width + x0] * (1 - fx) + plane[y0 * width + x1] * fx;
      const bottom = plane[y1 * width + x0] * (1 - fx) + plane[y1 * width + x1] * fx;
      out[y * ow + x] = top * (1 - fy) + bottom * fy;
    }
  }
  return out;
}

/** Softens a hard mask edge so restored detail fades in instead of ending on a visible line. */
export function featherPlane(plane: Float32Array, width: number, height: number, radius: number): Float32Array {
  if (radius <= 0) return plane.slice();
  return gaussianBlur(plane, width, height, radius / 2);
}

/**
 * In place: rgb += strength · mask · keep · highPass(lanczosY − luma(rgb)). The high-pass
 * keeps the band finer than `sigma` output pixels, so the network's colour and shading stay
 * and only the fine luminance texture it removed is replaced by the input's. `keep` backs
 * off where the network drew a strong edge of its own (lashes, lids, lip lines), which a
 * Lanczos upscale would only blur: keep = τ² / (τ² + local RMS of the network's fine band²).
 */
export function restoreFineDetail(
  rgb: Float32Array,
  width: number,
  height: number,
  lanczosY: Float32Array,
  mask: Float32Array,
  sigma: number,
  strength: number,
  edgeThreshold = Infinity,
): void {
  const n = width * height;
  if (lanczosY.length !== n || mask.length !== n) throw new RangeError(`detail planes must be ${width}×${height}`);
  const y = lumaPlanar(rgb, width, height);
  const diff = new Float32Array(n);
  for (let i = 0; i < n; i++) diff[i] = lanczosY[i] - y[i];
  const low = gaussianBlur(diff, width, height, sigma);
  let keep: Float32Array | null = null;
  if (Number.isFinite(edgeThreshold)) {
    const yLow = gaussianBlur(y, width, height, sigma);
    const power = new Float32Array(n);
    for (let i = 0; i < n; i++) power[i] = (y[i] - yLow[i]) ** 2;
    const local = gaussianBlur(power, width, height, sigma);
    const t2 = edgeThreshold * edgeThreshold;
    keep = new Float32Array(n);
    for (let i = 0; i < n; i++) keep[i] = t2 / (t2 + local[i]);
  }
  for (let i = 0; i < n; i++) {
    const d = strength * mask[i] * (keep ? keep[i] : 1) * (diff[i] - low[i]);
    if (d !== 0) {
      rgb[i] += d;
      rgb[n + i] += d;
      rgb[2 * n + i] += d;
    }
  }
}
