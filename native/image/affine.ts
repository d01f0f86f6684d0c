// 2×3 affine matrices [a, b, c, d, e, f] meaning x' = a·x + b·y + c, y' = d·x + e·y + f.
// Every warp in Pairlight is described by one of these, mapping destination → source pixels.

export type Affine = [number, number, number, number, number, number];

export const IDENTITY: Affine = [1, 0, 0, 0, 1, 0];

export function applyAffine(m: Affine, x: number, y: number): [number, number] {
  return [m[0] * x + m[1] * y + m[2], m[3] * x + m[4] * y + m[5]];
}

/** compose(a, b) applies b first, then a. */
export function composeAffine(a: Affine, b: Affine): Affine {
  return [
    a[0] * b[0] + a[1] * b[3],
    a[0] * b[1] + a[1] * b[4],
    a[0] * b[2] + a[1] * b[5] + a[2],
    a[3] * b[0] + a[4] * b[3],
    a[3] * b[1] + a[4] * b[4],
    a[3] * b[2] + a[4] * b[5] + a[5],
  ];
}

export function invertAffine(m: Affine): Affine {
  const det = m[0] * m[4] - m[1] * m[3];
  if (Math.abs(det) < 1e-12) throw new RangeError('affine matrix is not invertible');
  const ia = m[4] / det;
  const ib = -m[1] / det;
  const id = -m[3] / det;
  const ie = m[0] / det;
  return [ia, ib, -(ia * m[2] + ib * m[5]), id, ie, -(id * m[2] + ie * m[5])];
}

/**
 * The transform from a square crop of `size` pixels onto a square of side `side` centred at
 * (cx, cy) in the source, rotated by `angle` radians (the crop's x axis points along
 * (cos angle, sin angle) in the source). Used to cut rotation-aligned face crops.
 * Coordinates are continuous: pixel (i, j) covers [i, i+1) × [j, j+1), so its centre is at i + 0.5.
 */
export function squareCropAffine(cx: number, cy: number, side: number, angle: number, size: number): Affine {
  const s = side / size;
  const cos = Math.cos(angle) * s;
  const sin = Math.sin(angle) * s;
  const h = size / 2;
  return [cos, -sin, cx - h * cos + h * sin, sin, cos, cy - h * sin - h * cos];
}

/**
 * Least-squares similarity transform (rotation, uniform scale, translation) taking `from` points
 * onto `to` points (Umeyama without reflection). Used to align faces to an embedding template.
 */
export function estimateSimilarity(from: readonly [number, number][], to: readonly [number, number][]): Affine {
  const n = from.length;
  if (n < 2 || n !== to.length) throw new RangeError('need at least two matching point pairs');
  let fx = 0, fy = 0, tx = 0, ty = 0;
  for (let i = 0; i < n; i++) {
    fx += from[i][0]; fy += from[i][1]; tx += to[i][0]; ty += to[i][1];
  }
  fx /= n; fy /= n; tx /= n; ty /= n;
  let sxx = 0, sxy = 0, norm = 0;
  for (let i = 0; i < n; i++) {
    const ax = from[i][0] - fx, ay = from[i][1] - fy;
    const bx = to[i][0] - tx, by = to[i][1] - ty;
    sxx += ax * bx + ay * by; // cos part
    sxy += ax * by - ay * bx; // sin part
    norm += ax * ax + ay * ay;
  }
  if (norm < 1e-12) throw new RangeError('source points are all the same');
  const a = sxx / norm;
  const b = sxy / norm;
  return [a, -b, tx - (a * fx - b * fy), b, a, ty - (b * fx + a * fy)];
}
