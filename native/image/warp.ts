// Resampling an Image8 through an affine map into a float tensor: the one routine that cuts every
// model input (detector letterbox, rotated face crop, eye crop, aligned embedding crop).
import type { Image8 } from './types';
import type { Affine } from './affine';

export interface TensorLayout {
  /** Output value = pixel / 255 * scale + offset, e.g. scale 2, offset -1 for [-1, 1]. */
  scale: number;
  offset: number;
  /** Mirror the crop horizontally (the iris model expects left eyes flipped). */
  flip?: boolean;
}

/**
 * Writes an NHWC RGB float tensor of width × height sampled bilinearly from `image` at
 * dstToSrc(x + 0.5, y + 0.5) in continuous coordinates (see affine.ts). Pixels outside the photo
 * are black (0 before normalisation), as zero padding is what the detectors were trained around.
 */
export function warpToTensor(
  image: Image8,
  dstToSrc: Affine,
  width: number,
  height: number,
  layout: TensorLayout,
  out: Float32Array = new Float32Array(width * height * 3),
  outOffset = 0,
): Float32Array {
  const { width: W, height: H, channels: C, data } = image;
  const [a, b, c, d, e, f] = dstToSrc;
  const k = layout.scale / 255;
  const off = layout.offset;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = layout.flip ? width - x - 0.5 : x + 0.5;
      const dy = y + 0.5;
      const sx = a * dx + b * dy + c - 0.5;
      const sy = d * dx + e * dy + f - 0.5;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      let r = 0, g = 0, bl = 0;
      for (let j = 0; j < 2; j++) {
        const yy = y0 + j;
        if (yy < 0 || yy >= H) continue;
        const wy = j ? fy : 1 - fy;
        for (let i = 0; i < 2; i++) {
          const xx = x0 + i;
          if (xx < 0 || xx >= W) continue;
          const w = wy * (i ? fx : 1 - fx);
          const p = (yy * W + xx) * C;
          r += w * data[p];
          g += w * data[p + 1];
          bl += w * data[p + 2];
        }
      }
      const o = outOffset + (y * width + x) * 3;
      out[o] = r * k + off;
      out[o + 1] = g * k + off;
      out[o + 2] = bl * k + off;
    }
  }
  return out;
}

/** Same sampling, but returns an RGB Image8 (for previews, aligned crops saved to disk, tests). */
export function warpImage(image: Image8, dstToSrc: Affine, width: number, height: number): Image8 {
  const t = warpToTensor(image, dstToSrc, width, height, { scale: 255, offset: 0 });
  const data = new Uint8Array(t.length);
  for (let i = 0; i < t.length; i++) data[i] = Math.max(0, Math.min(255, Math.round(t[i])));
  return { width, height, channels: 3, data };
}
