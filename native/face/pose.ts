// Head pose from the mesh's own 3D points: a face frame built from the eye line and the
// forehead–chin line, read as yaw, pitch and roll (sign conventions in types.ts).
import type { HeadPose, Point3 } from './types';
import { CHIN, FOREHEAD, LEFT_EYE_OUTER, RIGHT_EYE_OUTER } from './landmarks';

type V3 = [number, number, number];
const sub = (a: readonly number[], b: readonly number[]): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: V3): V3 => {
  const l = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
};
const deg = (r: number) => (r * 180) / Math.PI;

/**
 * x: person's right eye → left eye; y: forehead → chin, made orthogonal to x; z = x × y points
 * away from the camera (mesh z grows away from the camera). A frontal upright face gives the identity.
 */
export function headPose(points: readonly Point3[]): HeadPose {
  const x = norm(sub(points[LEFT_EYE_OUTER], points[RIGHT_EYE_OUTER]));
  const down = sub(points[CHIN], points[FOREHEAD]);
  const z = norm(cross(x, down));
  const y = cross(z, x);
  // Turning toward the image's left brings the left eye forward (its z falls): x.z < 0 → yaw > 0.
  const yaw = deg(Math.asin(Math.max(-1, Math.min(1, -x[2]))));
  // Looking up brings the chin forward: y.z < 0 → pitch > 0.
  const pitch = deg(Math.atan2(-y[2], Math.hypot(y[0], y[1])));
  const roll = deg(Math.atan2(x[1], x[0]));
  return { yaw, pitch, roll };
}
