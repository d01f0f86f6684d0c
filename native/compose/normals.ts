// Surface normals of a person, from two sources of shape: the 3D face mesh (real depth
// for the face) and the matte silhouette (a "pillow": the body is assumed to curve away
// from the camera toward its outline). Both are height fields; a normal is the height
// gradient. Everything here runs on a coarse grid: light varies slowly across a body.
import type { Point3 } from '../face/types';
import { gaussianBlur } from './blur';
import { type Plane, newPlane } from './planes';

export interface Normals {
  width: number;
  height: number;
  x: Float32Array;
  y: Float32Array;
  z: Float32Array;
}

/**
 * Unit normals from a height field (height toward the camera, in grid pixels).
 * Image y points down, so a surface rising toward the top of the frame tilts its normal up (−y).
 */
export function normalsFromHeight(h: Plane): Normals {
  const { width: w, height: ht } = h;
  const n = w * ht;
  const out: Normals = { width: w, height: ht, x: new Float32Array(n), y: new Float32Array(n), z: new Float32Array(n) };
  for (let y = 0; y < ht; y++) {
    const ym = y > 0 ? y - 1 : y, yp = y < ht - 1 ? y + 1 : y;
    for (let x = 0; x < w; x++) {
      const xm = x > 0 ? x - 1 : x, xp = x < w - 1 ? x + 1 : x;
      const gx = (h.data[y * w + xp] - h.data[y * w + xm]) / Math.max(1, xp - xm);
      const gy = (h.data[yp * w + x] - h.data[ym * w + x]) / Math.max(1, yp - ym);
      const inv = 1 / Math.sqrt(gx * gx + gy * gy + 1);
      const i = y * w + x;
      out.x[i] = -gx * inv;
      out.y[i] = -gy * inv;
      out.z[i] = inv;
    }
  }
  return out;
}

/** Pillow height from a silhouette: blurred alpha scaled so the outline tilts about 45°–60°. */
export function silhouetteHeight(alpha: Plane, sigma: number): Plane {
  const b = gaussianBlur(alpha, sigma);
  // A blurred step has slope 1/(σ√(2π)) at the edge; 2.5σ·that ≈ 1 → a 45° tilt there.
  const k = 2.5 * sigma;
  for (let i = 0; i < b.data.length; i++) b.data[i] *= k;
  return b;
}

/**
 * Face height from the mesh: each point's depth (−z: MediaPipe's z grows away from the
 * camera) spread onto the grid by Gaussian-weighted averaging, then smoothed. Returns the
 * height and the accumulated weight (where the mesh says something).
 */
export function meshHeight(points: readonly Point3[], width: number, height: number, gridScale: number, spread: number): { height: Plane; weight: Plane } {
  const num = newPlane(width, height);
  const den = newPlane(width, height);
  const r = Math.ceil(2.5 * spread);
  const inv2s2 = 1 / (2 * spread * spread);
  // Only the 468 surface points: iris centres sit behind the cornea and would dent the eyes.
  const count = Math.min(points.length, 468);
  for (let p = 0; p < count; p++) {
    const px = points[p][0] * gridScale - 0.5, py = points[p][1] * gridScale - 0.5, h = -points[p][2] * gridScale;
    const x0 = Math.max(0, Math.floor(px - r)), x1 = Math.min(width - 1, Math.ceil(px + r));
    const y0 = Math.max(0, Math.floor(py - r)), y1 = Math.min(height - 1, Math.ceil(py + r));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const w = Math.exp(-((x - px) ** 2 + (y - py) ** 2) * inv2s2);
        num.data[y * width + x] += w * h;
        den.data[y * width + x] += w;
      }
    }
  }
  const hgt = newPlane(width, height);
  for (let i = 0; i < hgt.data.length; i++) hgt.data[i] = den.data[i] > 1e-6 ? num.data[i] / den.data[i] : 0;
  return { height: hgt, weight: den };
}

/** Mixes two normal fields by a weight (1 = second) and renormalises. */
export function blendNormals(a: Normals, b: Normals, weight: Float32Array): Normals {
  const n = a.x.length;
  const out: Normals = { width: a.width, height: a.height, x: new Float32Array(n), y: new Float32Array(n), z: new Float32Array(n) };
  for (let i = 0; i < n; i++) {
    const t = weight[i];
    const x = a.x[i] + (b.x[i] - a.x[i]) * t, y = a.y[i] + (b.y[i] - a.y[i]) * t, z = a.z[i] + (b.z[i] - a.z[i]) * t;
    const inv = 1 / Math.sqrt(x * x + y * y + z * z || 1);
    out.x[i] = x * inv; out.y[i] = y * inv; out.z[i] = z * inv;
  }
  return out;
}
