// Weighted non-maximum suppression (BlazeFace paper §3): overlapping candidates are averaged,
// weighted by score, instead of keeping only the best one. This steadies boxes and keypoints.

export interface Candidate {
  /** Corners in photo pixels. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  score: number;
  /** Keypoints [x, y] in photo pixels (6 for BlazeFace). */
  keypoints: [number, number][];
}

export function iou(a: Candidate, b: Candidate): number {
  const ix = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
  const iy = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
  const inter = ix * iy;
  const union = (a.x1 - a.x0) * (a.y1 - a.y0) + (b.x1 - b.x0) * (b.y1 - b.y0) - inter;
  return union > 0 ? inter / union : 0;
}

/** Returns merged detections, best first. The merged score is the best member's score. */
export function weightedNms(candidates: readonly Candidate[], iouThreshold = 0.3): Candidate[] {
  const rest = [...candidates].sort((a, b) => b.score - a.score);
  const out: Candidate[] = [];
  while (rest.length) {
    const best = rest[0];
    const group: Candidate[] = [];
    const keep: Candidate[] = [];
    for (const c of rest) (iou(best, c) > iouThreshold ? group : keep).push(c);
    let w = 0;
    const m: Candidate = { x0: 0, y0: 0, x1: 0, y1: 0, score: best.score, keypoints: best.keypoints.map(() => [0, 0]) };
    for (const c of group) {
      w += c.score;
      m.x0 += c.x0 * c.score; m.y0 += c.y0 * c.score; m.x1 += c.x1 * c.score; m.y1 += c.y1 * c.score;
      c.keypoints.forEach((k, i) => { m.keypoints[i][0] += k[0] * c.score; m.keypoints[i][1] += k[1] * c.score; });
    }
    m.x0 /= w; m.y0 /= w; m.x1 /= w; m.y1 /= w;
    for (const k of m.keypoints) { k[0] /= w; k[1] /= w; }
    out.push(m);
    rest.length = 0;
    rest.push(...keep);
  }
  return out;
}
