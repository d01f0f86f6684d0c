// Resizing a Mask (one float per pixel) with half-pixel centres, like TF's
// ResizeBilinear(half_pixel_centers=true) the segmentation model was trained with.
import type { Mask } from './types';

export function resizeMaskBilinear(src: Mask, width: number, height: number): Mask {
  const out = new Float32Array(width * height);
  const sx = src.width / width;
  const sy = src.height / height;
  const W = src.width, H = src.height, d = src.data;
  const xs0 = new Int32Array(width), xs1 = new Int32Array(width), fxs = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), W - 1);
    xs0[x] = Math.floor(fx);
    xs1[x] = Math.min(xs0[x] + 1, W - 1);
    fxs[x] = fx - xs0[x];
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), H - 1);
    const y0 = Math.floor(fy), y1 = Math.min(y0 + 1, H - 1), wy = fy - y0;
    const r0 = y0 * W, r1 = y1 * W;
    for (let x = 0; x < width; x++) {
      const a = d[r0 + xs0[x]] + (d[r0 + xs1[x]] - d[r0 + xs0[x]]) * fxs[x];
      const b = d[r1 + xs0[x]] + (d[r1 + xs1[x]] - d[r1 + xs0[x]]) * fxs[x];
      out[y * width + x] = a + (b - a) * wy;
    }
  }
  return { width, height, data: out };
}
