// Geometry for refine: resampling interleaved float images to and from the model's native
// resolution, and covering an image with overlapping native-size tiles that blend seamlessly.

/** Interleaved float planes: width × height × channels. */
export interface Planes {
  width: number;
  height: number;
  channels: number;
  data: Float32Array;
}

/**
 * Separable resampling with a triangle (tent) filter whose support widens by the scale factor
 * when shrinking, so a downscale averages every source pixel it covers instead of aliasing
 * (the same idea as PIL's "bilinear" with antialiasing). Upscaling is plain bilinear.
 */
export function resample(src: Planes, width: number, height: number): Planes {
  if (width === src.width && height === src.height) return { ...src, data: src.data.slice() };
  const tmp = resampleAxis(src, width, true);
  return resampleAxis(tmp, height, false);
}

function resampleAxis(src: Planes, size: number, horizontal: boolean): Planes {
  const C = src.channels;
  const inLen = horizontal ? src.width : src.height;
  const outW = horizontal ? size : src.width;
  const outH = horizontal ? src.height : size;
  const out = new Float32Array(outW * outH * C);
  const scale = inLen / size;
  const support = Math.max(1, scale); // tent half-width in source pixels
  for (let o = 0; o < size; o++) {
    const centre = (o + 0.5) * scale - 0.5;
    const lo = Math.max(0, Math.ceil(centre - support));
    const hi = Math.min(inLen - 1, Math.floor(centre + support));
    let wSum = 0;
    const weights: number[] = [];
    for (let i = lo; i <= hi; i++) {
      const w = Math.max(0, 1 - Math.abs(i - centre) / support);
      weights.push(w);
      wSum += w;
    }
    if (wSum === 0) {
      // The centre fell outside the image (tiny outputs): use the nearest pixel.
      weights.length = 0;
      const nearest = Math.min(inLen - 1, Math.max(0, Math.round(centre)));
      for (let i = lo; i <= hi; i++) weights.push(i === nearest ? 1 : 0);
      wSum = 1;
    }
    const lines = horizontal ? outH : outW;
    for (let line = 0; line < lines; line++) {
      for (let ch = 0; ch < C; ch++) {
        let acc = 0;
        for (let i = lo; i <= hi; i++) {
          const si = horizontal ? (line * src.width + i) * C + ch : (i * src.width + line) * C + ch;
          acc += weights[i - lo] * src.data[si];
        }
        const di = horizontal ? (line * outW + o) * C + ch : (o * outW + line) * C + ch;
        out[di] = acc / wSum;
      }
    }
  }
  return { width: outW, height: outH, channels: C, data: out };
}

/** Start offsets of tiles of `tile` pixels covering `length`, evenly spread, overlapping where needed. */
export function tileStarts(length: number, tile: number): number[] {
  if (length <= tile) return [0];
  const count = Math.ceil((length - tile) / (tile * 0.75)) + 1; // at least a quarter tile of overlap
  return Array.from({ length: count }, (_, i) => Math.round((i * (length - tile)) / (count - 1)));
}

/**
 * Blend weight of a pixel at position i inside a tile of size `tile`: a ramp from each tile
 * edge that is shared with a neighbour, flat 1 elsewhere. Normalising by the sum of weights
 * then gives a partition of unity, so overlapping tiles cross-fade without seams.
 */
export function tileWeight(i: number, tile: number, rampLo: number, rampHi: number): number {
  const lo = rampLo > 0 ? (i + 0.5) / rampLo : 1;
  const hi = rampHi > 0 ? (tile - i - 0.5) / rampHi : 1;
  return Math.min(1, lo, hi);
}
