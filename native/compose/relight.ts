// Relighting: a gentle change of the photo's shading toward the theme's key light. The
// selfie keeps its own light (we cannot remove it without inventing skin); we multiply by
// a ratio of the new shading to its average, scaled down by `shading`, so a face gets at
// most a soft 1:2 to 1:3 light ratio rather than a plastic, painted-on shadow.
import type { Normals } from './normals';

export type Vec3 = [number, number, number];

/** Unit vector toward a light. Camera coordinates: x right, y down, z toward the camera. */
export function lightDirection(azimuthDeg: number, elevationDeg: number): Vec3 {
  const az = (azimuthDeg * Math.PI) / 180, el = (elevationDeg * Math.PI) / 180;
  return [Math.sin(az) * Math.cos(el), -Math.sin(el), Math.cos(az) * Math.cos(el)];
}

/** Lambert key plus a flat fill: `fill` is the shadow side's level relative to a fully lit surface. */
export function shade(nx: number, ny: number, nz: number, l: Vec3, fill: number): number {
  const d = nx * l[0] + ny * l[1] + nz * l[2];
  return fill + (1 - fill) * (d > 0 ? d : 0);
}

/**
 * Per-cell multiplier: 1 + shading·(S/S̄ − 1), S̄ the weighted mean of S (so relighting moves
 * light around the face without changing its exposure), clamped to [0.4, 1.7].
 */
export function relightFactor(normals: Normals, l: Vec3, fill: number, shading: number, meanWeight: Float32Array): Float32Array {
  const n = normals.x.length;
  const s = new Float32Array(n);
  let sum = 0, sw = 0;
  for (let i = 0; i < n; i++) {
    s[i] = shade(normals.x[i], normals.y[i], normals.z[i], l, fill);
    sum += s[i] * meanWeight[i];
    sw += meanWeight[i];
  }
  const mean = sw > 0 ? sum / sw : 1;
  for (let i = 0; i < n; i++) {
    const f = 1 + shading * (s[i] / mean - 1);
    s[i] = f < 0.4 ? 0.4 : f > 1.7 ? 1.7 : f;
  }
  return s;
}

/**
 * Where a rim light from behind catches the outline: an inner band of the matte (alpha
 * minus its blur), stronger where the outline faces the rim light's side.
 * `blurred` is the alpha blurred by the rim width; nx, ny are the silhouette normals.
 */
export function rimWeight(alpha: number, blurred: number, nx: number, ny: number, dir: [number, number]): number {
  const band = alpha * Math.min(1, Math.max(0, (alpha - blurred) * 2.5));
  if (band <= 0) return 0;
  const len = Math.sqrt(nx * nx + ny * ny);
  const facing = len > 1e-4 ? (nx * dir[0] + ny * dir[1]) / len : 0;
  // A floor of 0.2: a rim light wraps a little around the whole head, not just one side.
  return band * Math.max(0.2, facing);
}
