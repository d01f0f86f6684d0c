// How many triangle edges each mesh point lies inside the face outline: 0 on the outline
// (FACE_OVAL), 1 on the ring next to it, and so on. Lets a face texture fade out along its
// own outline, whatever the head's turn, instead of along a fitted ellipse.
import { FACE_OVAL } from './landmarks';

export function ringDepth(triangles: readonly (readonly [number, number, number])[], pointCount = 468, outline: readonly number[] = FACE_OVAL): Uint8Array {
  const neighbours: number[][] = Array.from({ length: pointCount }, () => []);
  for (const [a, b, c] of triangles) {
    neighbours[a].push(b, c);
    neighbours[b].push(a, c);
    neighbours[c].push(a, b);
  }
  const depth = new Uint8Array(pointCount).fill(255);
  let frontier = [...outline];
  for (const p of frontier) depth[p] = 0;
  for (let d = 1; frontier.length > 0 && d < 255; d++) {
    const next: number[] = [];
    for (const p of frontier) for (const q of neighbours[p]) if (depth[q] === 255) { depth[q] = d; next.push(q); }
    frontier = next;
  }
  return depth;
}
