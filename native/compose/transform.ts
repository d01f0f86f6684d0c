// Where a selfie goes in the draft: a similarity transform (scale, rotation, optional
// mirror, translation) that puts the person's eyes exactly where the theme wants them.
import type { Point3 } from '../face/types';

/** x' = a·x + b·y + c,  y' = d·x + e·y + f. */
export interface Affine {
  a: number; b: number; c: number;
  d: number; e: number; f: number;
}

export function applyAffine(m: Affine, x: number, y: number): [number, number] {
  return [m.a * x + m.b * y + m.c, m.d * x + m.e * y + m.f];
}

export function invertAffine(m: Affine): Affine {
  const det = m.a * m.e - m.b * m.d;
  if (Math.abs(det) < 1e-12) throw new RangeError('transform is not invertible');
  const a = m.e / det, b = -m.b / det, d = -m.d / det, e = m.a / det;
  return { a, b, c: -(a * m.c + b * m.f), d, e, f: -(d * m.c + e * m.f) };
}

/** Uniform scale of a similarity (also of a mirrored one). */
export function affineScale(m: Affine): number {
  return Math.sqrt(Math.abs(m.a * m.e - m.b * m.d));
}

// MediaPipe face-mesh indices: eye corners (present in 468- and 478-point meshes) and iris
// centres (478 only). "Right" is the person's right eye, which appears on the image's left.
const RIGHT_EYE_CORNERS = [33, 133];
const LEFT_EYE_CORNERS = [362, 263];
const RIGHT_IRIS = 468;
const LEFT_IRIS = 473;

/** Eye centres [image-left eye, image-right eye]: iris centres when present, else corner midpoints (steadier than one corner). */
export function eyeCentres(points: readonly Point3[]): [[number, number], [number, number]] {
  const mid = (ids: number[]): [number, number] => [
    ids.reduce((s, i) => s + points[i][0], 0) / ids.length,
    ids.reduce((s, i) => s + points[i][1], 0) / ids.length,
  ];
  const right = points.length > LEFT_IRIS ? [points[RIGHT_IRIS][0], points[RIGHT_IRIS][1]] as [number, number] : mid(RIGHT_EYE_CORNERS);
  const left = points.length > LEFT_IRIS ? [points[LEFT_IRIS][0], points[LEFT_IRIS][1]] as [number, number] : mid(LEFT_EYE_CORNERS);
  return right[0] <= left[0] ? [right, left] : [left, right];
}

export interface EyePlacement {
  /** Canvas pixel position of the midpoint between the eyes. */
  centre: [number, number];
  /** Eye-to-eye distance in canvas pixels. */
  distance: number;
  /** Degrees, clockwise in the image. */
  tiltDeg: number;
  mirror: boolean;
}

/**
 * The transform photo → canvas that sends the image-left eye to centre − v/2 and the
 * image-right eye to centre + v/2, v = distance·(cos tilt, sin tilt). With mirror, the photo
 * is first flipped left-right, so its eyes swap sides before the fit.
 */
export function eyeAlignTransform(eyes: [[number, number], [number, number]], place: EyePlacement): Affine {
  const flip = place.mirror ? -1 : 1;
  // In flipped coordinates (x → −x) the eye that was on the right is now on the left.
  const p1 = place.mirror ? [-eyes[1][0], eyes[1][1]] : eyes[0];
  const p2 = place.mirror ? [-eyes[0][0], eyes[0][1]] : eyes[1];
  const t = (place.tiltDeg * Math.PI) / 180;
  const vx = place.distance * Math.cos(t), vy = place.distance * Math.sin(t);
  const q1 = [place.centre[0] - vx / 2, place.centre[1] - vy / 2];
  // Complex ratio α = (q2 − q1) / (p2 − p1): rotation and scale in one number.
  const sx = p2[0] - p1[0], sy = p2[1] - p1[1];
  const den = sx * sx + sy * sy;
  if (den < 1e-9) throw new RangeError('the two eyes are at the same point');
  const ar = (vx * sx + vy * sy) / den;
  const ai = (vy * sx - vx * sy) / den;
  const c = q1[0] - (ar * p1[0] - ai * p1[1]);
  const f = q1[1] - (ai * p1[0] + ar * p1[1]);
  // Similarity in flipped coordinates, composed with the flip (x → flip·x).
  return { a: ar * flip, b: -ai, c, d: ai * flip, e: ar, f };
}

/** Mesh points moved into the canvas; z scales with the image so depths stay in pixel units. */
export function transformPoints(points: readonly Point3[], m: Affine): Point3[] {
  const s = affineScale(m);
  return points.map(([x, y, z]) => {
    const [u, v] = applyAffine(m, x, y);
    return [u, v, z * s] as Point3;
  });
}
