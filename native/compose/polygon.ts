// Face region as a polygon: the convex hull of the mesh points is the face oval (jaw,
// cheeks, forehead line), found without relying on a list of mesh indices.
export type Pt = [number, number];

/** Andrew's monotone chain; returns the hull counter-clockwise, no repeated last point. */
export function convexHull(points: readonly Pt[]): Pt[] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (p.length < 3) return p;
  const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Pt[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: Pt[] = [];
  for (let i = p.length - 1; i >= 0; i--) {
    const q = p[i];
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], q) <= 0) upper.pop();
    upper.push(q);
  }
  return lower.slice(0, -1).concat(upper.slice(0, -1));
}

/** Rasterises a polygon (even-odd, pixel centres) into a 0/1 mask of the given size. */
export function fillPolygon(poly: readonly Pt[], width: number, height: number, scale = 1): Float32Array {
  const out = new Float32Array(width * height);
  const n = poly.length;
  if (n < 3) return out;
  const xs: number[] = [];
  for (let y = 0; y < height; y++) {
    const py = (y + 0.5) / scale;
    xs.length = 0;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const [xi, yi] = poly[i], [xj, yj] = poly[j];
      if ((yi > py) !== (yj > py)) xs.push(xi + ((py - yi) / (yj - yi)) * (xj - xi));
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const a = Math.max(0, Math.ceil(xs[k] * scale - 0.5));
      const b = Math.min(width - 1, Math.floor(xs[k + 1] * scale - 0.5));
      for (let x = a; x <= b; x++) out[y * width + x] = 1;
    }
  }
  return out;
}
