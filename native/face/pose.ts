// Head pose from the mesh's own 3D points: a face frame built from the line between the eye
// centres and the line from their midpoint down to the mouth centre, read as yaw, pitch and roll
// (sign conventions in types.ts).
//
// Why eyes and mouth, not forehead and chin: the face's frontal plane is the one through the eye
// centres and the mouth centre (the head frame gaze-estimation datasets use). The forehead top and
// the chin sit on receding surfaces, so a forehead–chin line leans back even on a frontal face: it
// read 6–10° more "down" on every test face and about −6° on faces that look straight at the camera.
import type { HeadPose, Point3 } from './types';
import { LEFT_EYE_INNER, LEFT_EYE_OUTER, MOUTH_LEFT, MOUTH_RIGHT, RIGHT_EYE_INNER, RIGHT_EYE_OUTER } from './landmarks';

type V3 = [number, number, number];
const sub = (a: readonly number[], b: readonly number[]): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const mid = (a: readonly number[], b: readonly number[]): V3 => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const norm = (a: V3): V3 => {
  const l = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
};
const deg = (r: number) => (r * 180) / Math.PI;

/**
 * x: person's right eye centre → left eye centre; y: eyes' midpoint → mouth centre, made orthogonal
 * to x; z = x × y points away from the camera (mesh z grows away from the camera). A frontal upright
 * face gives the identity.
 */
export function headPose(points: readonly Point3[]): HeadPose {
  const rightEye = mid(points[RIGHT_EYE_OUTER], points[RIGHT_EYE_INNER]);
  const leftEye = mid(points[LEFT_EYE_OUTER], points[LEFT_EYE_INNER]);
  const mouth = mid(points[MOUTH_RIGHT], points[MOUTH_LEFT]);
  const x = norm(sub(leftEye, rightEye));
  const down = sub(mouth, mid(rightEye, leftEye));
  const z = norm(cross(x, down));
  const y = cross(z, x);
  // Turning toward the image's left brings the left eye forward (its z falls): x.z < 0 → yaw > 0.
  const yaw = deg(Math.asin(Math.max(-1, Math.min(1, -x[2]))));
  // Looking up brings the mouth forward: y.z < 0 → pitch > 0.
  const pitch = deg(Math.atan2(-y[2], Math.hypot(y[0], y[1])));
  const roll = deg(Math.atan2(x[1], x[0]));
  return { yaw, pitch, roll };
}
