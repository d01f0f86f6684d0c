// Photo-quality advice for one face: each check measures one thing and, past its limit, says in
// one sentence what is wrong and what to do. Thresholds are named and explained here.
import type { Image8 } from '../image/types';
import { exposureStats, focusRatio } from '../image/metrics';
import type { Box, HeadPose, Point3, QualityAdvice } from './types';
import { LEFT_EYE_INNER, LEFT_EYE_LIDS, LEFT_EYE_OUTER, RIGHT_EYE_INNER, RIGHT_EYE_LIDS, RIGHT_EYE_OUTER, LEFT_IRIS_CENTER, RIGHT_IRIS_CENTER } from './landmarks';

export const LIMITS = {
  /** Pixels between the eye centres: below 30 the generated face has no detail to keep; below 60 it is soft. */
  eyeDistanceBlocker: 30,
  eyeDistanceWarning: 60,
  /**
   * Focus ratio of the inner face (image/metrics.ts focusRatio). Measured on the 19 faces of the
   * test photos (human's reference meshes): sharp originals 0.04–0.18; the same photos blurred with
   * a Gaussian of σ = 1.5 % of the face width all fall to 0.01–0.02 (σ = 1 %: 0.01–0.04).
   */
  focusWarning: 0.03,
  /** Mean luma (0..255) of the face: below 55 skin detail is lost in noise. */
  darkMean: 55,
  /** More than 20 % of face pixels clipped at white, or a mean above 225. */
  blownFraction: 0.2,
  blownMean: 225,
  /** Degrees: beyond these the compositor must invent the hidden half of the face. */
  yawWarning: 30,
  pitchWarning: 25,
  yawBlocker: 50,
  /** Eye aspect ratio (lid gap / eye width), the wider eye: open eyes on the test photos 0.17–0.46, a laughing squint 0.12, closed lids ≈ 0.05. */
  eyesClosed: 0.09,
  /** Share of mesh points outside the photo: 1 % (a cheek edge) is a warning, a fifth is a blocker. */
  croppedWarning: 0.01,
  croppedBlocker: 0.2,
};

const dist = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0] - b[0], a[1] - b[1]);

export function eyeCentres(points: readonly Point3[]): [Point3, Point3] {
  if (points.length >= 478) return [points[RIGHT_IRIS_CENTER], points[LEFT_IRIS_CENTER]];
  const mid = (a: Point3, b: Point3): Point3 => [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
  return [mid(points[RIGHT_EYE_OUTER], points[RIGHT_EYE_INNER]), mid(points[LEFT_EYE_OUTER], points[LEFT_EYE_INNER])];
}

export function eyeDistance(points: readonly Point3[]): number {
  const [r, l] = eyeCentres(points);
  return dist(r, l);
}

export function eyeAspectRatio(points: readonly Point3[], lids: [number, number][], outer: number, inner: number): number {
  const width = dist(points[outer], points[inner]);
  if (width === 0) return 0;
  let gap = 0;
  for (const [u, l] of lids) gap += dist(points[u], points[l]);
  return gap / lids.length / width;
}

/** Box around the mesh, optionally shrunk toward its centre (inner face: no hair, little background). */
export function meshBox(points: readonly Point3[], inset = 0, count = 468): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let i = 0; i < Math.min(count, points.length); i++) {
    const [x, y] = points[i];
    if (x < x0) x0 = x; if (x > x1) x1 = x;
    if (y < y0) y0 = y; if (y > y1) y1 = y;
  }
  const w = x1 - x0, h = y1 - y0;
  return { x: x0 + w * inset, y: y0 + h * inset, width: w * (1 - 2 * inset), height: h * (1 - 2 * inset) };
}

/**
 * Share of the 468 mesh points outside the photo. The mesh model extends a cut face past the
 * border (it knows faces' shape), so points outside mean face outside. All points, not just the
 * outline: at a slight cut the model hugs the outline to the border but cheek points spill over.
 */
export function outsideFraction(points: readonly Point3[], width: number, height: number): number {
  let out = 0;
  const n = Math.min(468, points.length);
  for (let i = 0; i < n; i++) {
    const [x, y] = points[i];
    if (x < 0 || y < 0 || x >= width || y >= height) out++;
  }
  return out / n;
}

const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

/** All advice for one face; photo-level advice (several faces) is added by the caller. */
export function faceQuality(image: Image8, points: readonly Point3[], pose: HeadPose): QualityAdvice[] {
  const advice: QualityAdvice[] = [];
  const eyes = eyeDistance(points);
  if (eyes < LIMITS.eyeDistanceWarning) {
    advice.push({
      code: 'face_too_small',
      severity: eyes < LIMITS.eyeDistanceBlocker ? 'blocker' : 'warning',
      value: round(eyes, 1),
      message: `The face is small in this photo (${Math.round(eyes)} pixels between the eyes; ${LIMITS.eyeDistanceWarning} or more works best). Use a closer or higher-resolution photo.`,
    });
  }
  const cropped = outsideFraction(points, image.width, image.height);
  if (cropped >= LIMITS.croppedWarning) {
    advice.push({
      code: 'face_cropped',
      severity: cropped >= LIMITS.croppedBlocker ? 'blocker' : 'warning',
      value: round(cropped),
      message: 'Part of the face is outside the photo. Use a photo where the whole face, from hairline to chin, is in the frame.',
    });
  }
  const inner = meshBox(points, 0.1);
  const focus = focusRatio(image, inner);
  if (focus < LIMITS.focusWarning) {
    advice.push({
      code: 'blurred',
      severity: 'warning',
      value: round(focus, 3),
      message: 'The face looks blurred (out of focus or moving). Use a sharper photo: hold still, tap to focus on the face, or use more light.',
    });
  }
  const exp = exposureStats(image, inner);
  if (exp.mean < LIMITS.darkMean) {
    advice.push({
      code: 'too_dark',
      severity: 'warning',
      value: round(exp.mean, 1),
      message: 'The face is too dark to show skin and eye detail. Use a photo taken in brighter light, facing a window or lamp.',
    });
  } else if (exp.clippedHigh > LIMITS.blownFraction || exp.mean > LIMITS.blownMean) {
    advice.push({
      code: 'blown_out',
      severity: 'warning',
      value: round(exp.clippedHigh),
      message: 'Parts of the face are pure white (over-exposed or flash glare). Use a photo in softer light, without direct flash.',
    });
  }
  if (Math.abs(pose.yaw) > LIMITS.yawWarning || Math.abs(pose.pitch) > LIMITS.pitchWarning) {
    advice.push({
      code: 'turned_away',
      severity: Math.abs(pose.yaw) > LIMITS.yawBlocker ? 'blocker' : 'warning',
      value: round(Math.max(Math.abs(pose.yaw), Math.abs(pose.pitch)), 1),
      message: `The head is turned ${Math.abs(pose.yaw) >= Math.abs(pose.pitch) ? 'sideways' : pose.pitch > 0 ? 'up' : 'down'} (about ${Math.round(Math.max(Math.abs(pose.yaw), Math.abs(pose.pitch)))}°). Use a photo looking roughly at the camera.`,
    });
  }
  const ear = Math.max(
    eyeAspectRatio(points, RIGHT_EYE_LIDS, RIGHT_EYE_OUTER, RIGHT_EYE_INNER),
    eyeAspectRatio(points, LEFT_EYE_LIDS, LEFT_EYE_OUTER, LEFT_EYE_INNER),
  );
  if (ear < LIMITS.eyesClosed) {
    advice.push({
      code: 'eyes_closed',
      severity: 'warning',
      value: round(ear, 3),
      message: 'The eyes look closed. Use a photo with the eyes open.',
    });
  }
  return advice;
}

export function severalFacesAdvice(count: number): QualityAdvice {
  return {
    code: 'several_faces',
    severity: 'warning',
    value: count,
    message: `This photo has ${count} faces. Click the one that is this person.`,
  };
}
