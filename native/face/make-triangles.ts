// Derives FACE_MESH_TRIANGLES: the mesh of a near-frontal real face (resources/samples/person-b.jpg)
// is turned to exactly frontal with its own head pose, projected to 2D and Delaunay-triangulated.
// Hull slivers (thin triangles along the face outline) are dropped: they warp badly and cover
// no skin. Run: npx tsx native/face/make-triangles.ts  (writes native/face/mesh-triangles.json)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeImage } from '../image/decode';
import { delaunay } from '../image/delaunay';
import { analyzePhoto } from './analyze';
import { defaultModelsDir, modelSetFromFolder } from './models';
import { CHIN, FOREHEAD, LEFT_EYE_OUTER, RIGHT_EYE_OUTER } from './landmarks';
import type { Point3 } from './types';

type V3 = [number, number, number];
const sub = (a: readonly number[], b: readonly number[]): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: V3): V3 => { const l = Math.hypot(...a); return [a[0] / l, a[1] / l, a[2] / l]; };
const dot = (a: readonly number[], b: readonly number[]) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];

/** The face frame of pose.ts: coordinates of each point along the face's own x and y axes. */
export function frontalProjection(points: readonly Point3[]): [number, number][] {
  const x = norm(sub(points[LEFT_EYE_OUTER], points[RIGHT_EYE_OUTER]));
  const z = norm(cross(x, sub(points[CHIN], points[FOREHEAD])));
  const y = cross(z, x);
  return points.slice(0, 468).map((p) => [dot(p, x), dot(p, y)]);
}

function minAngle(a: [number, number], b: [number, number], c: [number, number]): number {
  const ang = (p: [number, number], q: [number, number], r: [number, number]) => {
    const u = [q[0] - p[0], q[1] - p[1]], v = [r[0] - p[0], r[1] - p[1]];
    return Math.acos(Math.max(-1, Math.min(1, (u[0] * v[0] + u[1] * v[1]) / (Math.hypot(u[0], u[1]) * Math.hypot(v[0], v[1])))));
  };
  return (Math.min(ang(a, b, c), ang(b, c, a), ang(c, a, b)) * 180) / Math.PI;
}

export function triangulateFrontal(uv: [number, number][], minDegrees = 8): [number, number, number][] {
  const tris = delaunay(uv);
  // Edges used once are on the hull; a thin triangle with a hull edge is a sliver.
  const count = new Map<string, number>();
  const key = (i: number, j: number) => (i < j ? `${i},${j}` : `${j},${i}`);
  for (const [a, b, c] of tris) for (const [i, j] of [[a, b], [b, c], [c, a]]) count.set(key(i, j), (count.get(key(i, j)) ?? 0) + 1);
  return tris.filter(([a, b, c]) => {
    const onHull = [[a, b], [b, c], [c, a]].some(([i, j]) => count.get(key(i, j)) === 1);
    return !onHull || minAngle(uv[a], uv[b], uv[c]) >= minDegrees;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const models = modelSetFromFolder(defaultModelsDir());
  const { image } = await decodeImage(path.resolve(import.meta.dirname, '..', '..', 'resources', 'samples', 'person-b.jpg'));
  const [face] = (await analyzePhoto(image, { models, embed: false })).faces;
  const tris = triangulateFrontal(frontalProjection(face.points));
  writeFileSync(path.join(import.meta.dirname, 'mesh-triangles.json'), JSON.stringify(tris));
  console.log(`pose ${JSON.stringify(face.pose)}; ${tris.length} triangles`);
  await models.cache.dispose();
}
