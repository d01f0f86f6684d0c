// A pose- and scale-normalised frame for measuring a face: origin midway between the eye
// centres, x along the eye line toward the person's left eye, y perpendicular (downward in
// an upright photo), unit = inter-ocular distance. Measurements in this frame do not
// change when the photo is scaled or rotated in the image plane.
import type { Point3 } from '../face/types';
import { LM } from './landmarks';

export type Vec2 = [number, number];

export interface FaceFrame {
  origin: Vec2;
  /** Unit vector of the frame's x axis in image coordinates. */
  ex: Vec2;
  ey: Vec2;
  /** Inter-ocular distance in image pixels. */
  iod: number;
}

const mid = (a: Point3, b: Point3): Vec2 => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];

export function eyeCentres(points: readonly Point3[]): { right: Vec2; left: Vec2 } {
  return {
    right: mid(points[LM.rightEyeOuter], points[LM.rightEyeInner]),
    left: mid(points[LM.leftEyeOuter], points[LM.leftEyeInner]),
  };
}

export function faceFrame(points: readonly Point3[]): FaceFrame {
  if (points.length < 468) throw new RangeError(`a face mesh needs 468 points, got ${points.length}`);
  const { right, left } = eyeCentres(points);
  const dx = left[0] - right[0];
  const dy = left[1] - right[1];
  const iod = Math.hypot(dx, dy);
  if (!(iod > 0)) throw new RangeError('the eyes of this face mesh coincide; the mesh is unusable');
  const ex: Vec2 = [dx / iod, dy / iod];
  return { origin: [(left[0] + right[0]) / 2, (left[1] + right[1]) / 2], ex, ey: [-ex[1], ex[0]], iod };
}

/** Image pixel → frame units. */
export function toFrame(f: FaceFrame, p: readonly number[]): Vec2 {
  const x = p[0] - f.origin[0];
  const y = p[1] - f.origin[1];
  return [(x * f.ex[0] + y * f.ex[1]) / f.iod, (x * f.ey[0] + y * f.ey[1]) / f.iod];
}

/** Frame units → image pixels. */
export function fromFrame(f: FaceFrame, q: Vec2): Vec2 {
  return [f.origin[0] + (q[0] * f.ex[0] + q[1] * f.ey[0]) * f.iod, f.origin[1] + (q[0] * f.ex[1] + q[1] * f.ey[1]) * f.iod];
}

export function normalisedMesh(points: readonly Point3[]): Vec2[] {
  const f = faceFrame(points);
  return points.map((p) => toFrame(f, p));
}

export const dist = (a: Vec2, b: Vec2): number => Math.hypot(a[0] - b[0], a[1] - b[1]);
