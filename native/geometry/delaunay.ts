// Delaunay triangulation (Bowyer–Watson) of a few hundred points: enough for face meshes,
// where it is run once per target shape. O(n²) in the worst case, which for 468 points is
// a few milliseconds.

export type Triangle = [number, number, number];

interface Tri {
  a: number;
  b: number;
  c: number;
  cx: number;
  cy: number;
  r2: number;
}

function circum(px: Float64Array, py: Float64Array, a: number, b: number, c: number): Tri | null {
  const ax = px[a], ay = py[a], bx = px[b], by = py[b], cx = px[c], cy = py[c];
  const d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by));
  if (Math.abs(d) < 1e-12) return null;
  const a2 = ax * ax + ay * ay, b2 = bx * bx + by * by, c2 = cx * cx + cy * cy;
  const ux = (a2 * (by - cy) + b2 * (cy - ay) + c2 * (ay - by)) / d;
  const uy = (a2 * (cx - bx) + b2 * (ax - cx) + c2 * (bx - ax)) / d;
  return { a, b, c, cx: ux, cy: uy, r2: (ax - ux) ** 2 + (ay - uy) ** 2 };
}

/** Triangles (index triples into `points`, counter-clockwise in a y-down image) covering the convex hull. */
export function delaunay(points: readonly (readonly number[])[]): Triangle[] {
  const n = points.length;
  if (n < 3) return [];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of points) {
    minX = Math.min(minX, p[0]); minY = Math.min(minY, p[1]);
    maxX = Math.max(maxX, p[0]); maxY = Math.max(maxY, p[1]);
  }
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const midX = (minX + maxX) / 2, midY = (minY + maxY) / 2;
  const px = new Float64Array(n + 3), py = new Float64Array(n + 3);
  points.forEach((p, i) => { px[i] = p[0]; py[i] = p[1]; });
  // A super-triangle far outside every point.
  px[n] = midX - 20 * span; py[n] = midY - span;
  px[n + 1] = midX; py[n + 1] = midY + 20 * span;
  px[n + 2] = midX + 20 * span; py[n + 2] = midY - span;
  let tris: Tri[] = [circum(px, py, n, n + 1, n + 2)!];
  for (let i = 0; i < n; i++) {
    const x = px[i], y = py[i];
    const bad: Tri[] = [];
    const keep: Tri[] = [];
    for (const t of tris) ((x - t.cx) ** 2 + (y - t.cy) ** 2 <= t.r2 * (1 + 1e-12) ? bad : keep).push(t);
    // The hole's boundary: edges used by exactly one bad triangle.
    const edges = new Map<string, [number, number]>();
    for (const t of bad) {
      for (const [u, v] of [[t.a, t.b], [t.b, t.c], [t.c, t.a]] as const) {
        const key = u < v ? `${u},${v}` : `${v},${u}`;
        if (edges.has(key)) edges.delete(key);
        else edges.set(key, [u, v]);
      }
    }
    for (const [u, v] of edges.values()) {
      const t = circum(px, py, u, v, i);
      if (t) keep.push(t);
    }
    tris = keep;
  }
  const out: Triangle[] = [];
  for (const t of tris) {
    if (t.a >= n || t.b >= n || t.c >= n) continue;
    const cross = (px[t.b] - px[t.a]) * (py[t.c] - py[t.a]) - (py[t.b] - py[t.a]) * (px[t.c] - px[t.a]);
    out.push(cross > 0 ? [t.a, t.b, t.c] : [t.a, t.c, t.b]);
  }
  return out;
}
