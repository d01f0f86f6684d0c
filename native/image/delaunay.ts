// Delaunay triangulation (Bowyer–Watson). Used once, offline, to triangulate the canonical face
// mesh for warping; O(n²) is fine for 468 points.

/** Triangles as index triples into `points`, each with positive signed area (x·y cross product). */
export function delaunay(points: readonly [number, number][]): [number, number, number][] {
  const n = points.length;
  if (n < 3) return [];
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const [x, y] of points) {
    if (x < minX) minX = x; if (x > maxX) maxX = x;
    if (y < minY) minY = y; if (y > maxY) maxY = y;
  }
  const d = Math.max(maxX - minX, maxY - minY) || 1;
  const mx = (minX + maxX) / 2, my = (minY + maxY) / 2;
  // A super-triangle far outside every point; its vertices get indices n, n+1, n+2.
  const pts: [number, number][] = [...points, [mx - 20 * d, my - d], [mx, my + 20 * d], [mx + 20 * d, my - d]];
  interface Tri { a: number; b: number; c: number; cx: number; cy: number; r2: number }
  const make = (a: number, b: number, c: number): Tri => {
    const [ax, ay] = pts[a], [bx, by] = pts[b], [cx, cy] = pts[c];
    const D = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by));
    const a2 = ax * ax + ay * ay, b2 = bx * bx + by * by, c2 = cx * cx + cy * cy;
    const ux = (a2 * (by - cy) + b2 * (cy - ay) + c2 * (ay - by)) / D;
    const uy = (a2 * (cx - bx) + b2 * (ax - cx) + c2 * (bx - ax)) / D;
    return { a, b, c, cx: ux, cy: uy, r2: (ax - ux) ** 2 + (ay - uy) ** 2 };
  };
  let tris: Tri[] = [make(n, n + 1, n + 2)];
  for (let i = 0; i < n; i++) {
    const [px, py] = pts[i];
    const bad: Tri[] = [];
    const good: Tri[] = [];
    for (const t of tris) ((px - t.cx) ** 2 + (py - t.cy) ** 2 < t.r2 * (1 + 1e-12) ? bad : good).push(t);
    // The hole's boundary: edges belonging to exactly one bad triangle.
    const edges = new Map<string, [number, number]>();
    for (const t of bad) {
      for (const [u, v] of [[t.a, t.b], [t.b, t.c], [t.c, t.a]] as [number, number][]) {
        const key = u < v ? `${u},${v}` : `${v},${u}`;
        if (edges.has(key)) edges.delete(key);
        else edges.set(key, [u, v]);
      }
    }
    for (const [u, v] of edges.values()) good.push(make(u, v, i));
    tris = good;
  }
  const out: [number, number, number][] = [];
  for (const t of tris) {
    if (t.a >= n || t.b >= n || t.c >= n) continue;
    const [ax, ay] = pts[t.a], [bx, by] = pts[t.b], [cx, cy] = pts[t.c];
    const area = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
    out.push(area > 0 ? [t.a, t.b, t.c] : [t.a, t.c, t.b]);
  }
  return out;
}
