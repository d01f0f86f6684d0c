// Piecewise-affine warp through a triangulation: each destination triangle takes the pixels
// of the matching source triangle. This is how a parent's face texture is moved onto the
// child's face shape without inventing any pixels.
import type { Image8, Mask } from '../image/types';
/** Index triple into the point lists. */
export type Triangle = readonly [number, number, number];

export interface WarpResult {
  /** RGB, float 0..255, destination size. */
  rgb: Float32Array;
  /** 1 inside the warped mesh, 0 outside. */
  coverage: Mask;
}

function sampleBilinear(img: Image8, x: number, y: number, out: Float32Array, o: number): void {
  const W = img.width, H = img.height, C = img.channels, d = img.data;
  const sx = Math.min(W - 1, Math.max(0, x - 0.5)), sy = Math.min(H - 1, Math.max(0, y - 0.5));
  const x0 = Math.floor(sx), y0 = Math.floor(sy);
  const x1 = Math.min(W - 1, x0 + 1), y1 = Math.min(H - 1, y0 + 1);
  const fx = sx - x0, fy = sy - y0;
  const i00 = (y0 * W + x0) * C, i10 = (y0 * W + x1) * C, i01 = (y1 * W + x0) * C, i11 = (y1 * W + x1) * C;
  for (let c = 0; c < 3; c++) {
    const top = d[i00 + c] + (d[i10 + c] - d[i00 + c]) * fx;
    const bottom = d[i01 + c] + (d[i11 + c] - d[i01 + c]) * fx;
    out[o + c] = top + (bottom - top) * fy;
  }
}

/**
 * Calls `visit(pixelIndex, l0, l1, l2)` for every pixel centre inside each triangle of `pts`
 * (barycentric weights of its three corners), clipped to the canvas.
 */
function rasterise(pts: readonly (readonly number[])[], triangles: readonly Triangle[], width: number, height: number, visit: (i: number, l0: number, l1: number, l2: number, tri: Triangle) => void): void {
  for (const tri of triangles) {
    const [a, b, c] = tri;
    const ax = pts[a][0], ay = pts[a][1], bx = pts[b][0], by = pts[b][1], cx = pts[c][0], cy = pts[c][1];
    const det = (bx - ax) * (cy - ay) - (cx - ax) * (by - ay);
    if (Math.abs(det) < 1e-9) continue;
    const x0 = Math.max(0, Math.floor(Math.min(ax, bx, cx))), x1 = Math.min(width - 1, Math.ceil(Math.max(ax, bx, cx)));
    const y0 = Math.max(0, Math.floor(Math.min(ay, by, cy))), y1 = Math.min(height - 1, Math.ceil(Math.max(ay, by, cy)));
    for (let y = y0; y <= y1; y++) {
      const py = y + 0.5;
      for (let x = x0; x <= x1; x++) {
        const px = x + 0.5;
        const l1 = ((px - ax) * (cy - ay) - (cx - ax) * (py - ay)) / det;
        const l2 = ((bx - ax) * (py - ay) - (px - ax) * (by - ay)) / det;
        const l0 = 1 - l1 - l2;
        if (l0 < -1e-6 || l1 < -1e-6 || l2 < -1e-6) continue;
        visit(y * width + x, l0, l1, l2, tri);
      }
    }
  }
}

/**
 * Warps `src` so that srcPts[k] lands on dstPts[k], over the given triangles, into a
 * width × height canvas. Pixel centres are at +0.5.
 */
export function warpTriangles(src: Image8, srcPts: readonly (readonly number[])[], dstPts: readonly (readonly number[])[], triangles: readonly Triangle[], width: number, height: number): WarpResult {
  const rgb = new Float32Array(width * height * 3);
  const cov = new Float32Array(width * height);
  rasterise(dstPts, triangles, width, height, (i, l0, l1, l2, [a, b, c]) => {
    if (cov[i] > 0) return; // shared edges: the first triangle wins
    const sa = srcPts[a], sb = srcPts[b], sc = srcPts[c];
    sampleBilinear(src, l0 * sa[0] + l1 * sb[0] + l2 * sc[0], l0 * sa[1] + l1 * sb[1] + l2 * sc[1], rgb, i * 3);
    cov[i] = 1;
  });
  return { rgb, coverage: { width, height, data: cov } };
}

/** Interpolates one value per mesh point over the triangles (barycentric), 0 outside. */
export function interpolatePointValues(values: ArrayLike<number>, dstPts: readonly (readonly number[])[], triangles: readonly Triangle[], width: number, height: number): Float32Array {
  const out = new Float32Array(width * height);
  rasterise(dstPts, triangles, width, height, (i, l0, l1, l2, [a, b, c]) => {
    out[i] = l0 * values[a] + l1 * values[b] + l2 * values[c];
  });
  return out;
}
