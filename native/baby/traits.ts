// Trait analysis of one parent: geometry from the mesh in the normalised face frame, and
// colours (eyes, skin, hair) from the photo in CIELAB. Every trait carries a confidence so
// the report can say how sure it is (a turned head or a tiny face lowers it).
import type { Image8, Mask } from '../image/types';
import type { FaceAnalysis, Point3 } from '../face/types';
import { rgbToLab, medianLab, type Lab } from '../colour/lab';
import { dist, faceFrame, fromFrame, normalisedMesh, type FaceFrame, type Vec2 } from './frame';
import { LM } from './landmarks';

export type EyeColour = 'brown' | 'hazel' | 'green' | 'blue' | 'grey';
export type HairColour = 'black' | 'dark brown' | 'brown' | 'light brown' | 'blonde' | 'red' | 'grey';
export type SkinTone = 'very light' | 'light' | 'intermediate' | 'tan' | 'brown' | 'dark';

export interface Measured<T> {
  value: T;
  /** 0..1 */
  confidence: number;
}

export interface GeometryTraits {
  /** Face width / height (cheekbone width over forehead-to-chin). */
  faceWidthToHeight: number;
  /** Jaw-angle width over face width. */
  jawToFaceWidth: number;
  /** Chin width over face width. */
  chinToFaceWidth: number;
  /** Eye opening height over eye width. */
  eyeAspect: number;
  /** Degrees; positive when the outer corners sit higher than the inner ones. */
  canthalTilt: number;
  /** Gap between inner corners over eye width. */
  eyeSpacing: number;
  /** Brow-to-upper-lid distance, in inter-ocular units. */
  browHeight: number;
  /** How far the middle of the brow rises above the line joining its ends, in inter-ocular units. */
  browArch: number;
  /** Alar width, in inter-ocular units. */
  noseWidth: number;
  /** Nose root to subnasale over face height. */
  noseLength: number;
  /** Corner-to-corner mouth width, in inter-ocular units. */
  mouthWidth: number;
  /** Total lip height over mouth width. */
  lipFullness: number;
}

export interface ColourTraits {
  eyeColour: Measured<{ category: EyeColour; lab: Lab }>;
  skinTone: Measured<{ category: SkinTone; lab: Lab; ita: number }>;
  hairColour: Measured<{ category: HairColour; lab: Lab }>;
  /** 0..1 density of small dark spots on the cheeks (freckles); low confidence by nature. */
  freckles: Measured<number>;
}

export interface ParentTraits {
  geometry: { [K in keyof GeometryTraits]: Measured<GeometryTraits[K]> };
  colour: ColourTraits;
  /** The normalised mesh (468 points, frame units) the morph blends. */
  mesh: Vec2[];
  /** Why confidence is reduced, in words for the report. */
  caveats: string[];
}

export class TraitError extends Error {
  readonly code = 'BABY_NO_USABLE_FACE';
}

/** Geometry in the normalised frame: invariant to scale and in-plane rotation by construction. */
export function measureGeometry(points: readonly Point3[]): GeometryTraits {
  const m = normalisedMesh(points);
  const p = (i: number): Vec2 => m[i];
  const faceWidth = dist(p(LM.faceRight), p(LM.faceLeft));
  const faceHeight = dist(p(LM.foreheadTop), p(LM.chin));
  const eyeWidthR = dist(p(LM.rightEyeOuter), p(LM.rightEyeInner));
  const eyeWidthL = dist(p(LM.leftEyeOuter), p(LM.leftEyeInner));
  const eyeWidth = (eyeWidthR + eyeWidthL) / 2;
  const eyeHeight = (dist(p(LM.rightEyeUpper), p(LM.rightEyeLower)) + dist(p(LM.leftEyeUpper), p(LM.leftEyeLower))) / 2;
  // Tilt per eye: the rise (frame y points down) from the inner to the outer corner.
  const tilt = (outer: Vec2, inner: Vec2): number => (Math.atan2(inner[1] - outer[1], Math.abs(outer[0] - inner[0])) * 180) / Math.PI;
  const canthalTilt = (tilt(p(LM.rightEyeOuter), p(LM.rightEyeInner)) + tilt(p(LM.leftEyeOuter), p(LM.leftEyeInner))) / 2;
  const arch = (outer: Vec2, midp: Vec2, inner: Vec2): number => {
    const dx = inner[0] - outer[0];
    const dy = inner[1] - outer[1];
    const len = Math.hypot(dx, dy) || 1;
    // Signed distance of the middle point above the chord (negative y is up).
    return -((midp[0] - outer[0]) * dy - (midp[1] - outer[1]) * dx) / len * Math.sign(dx || 1);
  };
  const mouthWidth = dist(p(LM.mouthRight), p(LM.mouthLeft));
  return {
    faceWidthToHeight: faceWidth / faceHeight,
    jawToFaceWidth: dist(p(LM.jawRight), p(LM.jawLeft)) / faceWidth,
    chinToFaceWidth: dist(p(LM.chinRight), p(LM.chinLeft)) / faceWidth,
    eyeAspect: eyeHeight / eyeWidth,
    canthalTilt,
    eyeSpacing: dist(p(LM.rightEyeInner), p(LM.leftEyeInner)) / eyeWidth,
    browHeight: (dist(p(LM.rightBrowMid), p(LM.rightEyeUpper)) + dist(p(LM.leftBrowMid), p(LM.leftEyeUpper))) / 2,
    browArch:
      (Math.abs(arch(p(LM.rightBrowOuter), p(LM.rightBrowMid), p(LM.rightBrowInner))) +
        Math.abs(arch(p(LM.leftBrowOuter), p(LM.leftBrowMid), p(LM.leftBrowInner)))) /
      2,
    noseWidth: dist(p(LM.noseRightWing), p(LM.noseLeftWing)),
    noseLength: dist(p(LM.noseRoot), p(LM.subnasale)) / faceHeight,
    mouthWidth,
    lipFullness: (dist(p(LM.upperLipTop), p(LM.upperLipInner)) + dist(p(LM.lowerLipInner), p(LM.lowerLipBottom))) / mouthWidth,
  };
}

// ---- colour sampling -------------------------------------------------------------------

function pixelLab(img: Image8, x: number, y: number): Lab | null {
  const xi = Math.round(x), yi = Math.round(y);
  if (xi < 0 || yi < 0 || xi >= img.width || yi >= img.height) return null;
  const i = (yi * img.width + xi) * img.channels;
  if (img.channels === 4 && img.data[i + 3] < 128) return null;
  return rgbToLab(img.data[i], img.data[i + 1], img.data[i + 2]);
}

/** Samples a disc (frame units) around a frame point on an image-pixel grid. */
function sampleDisc(img: Image8, f: FaceFrame, centre: Vec2, radius: number, keep: (q: Vec2, lab: Lab) => boolean = () => true): Lab[] {
  const out: Lab[] = [];
  const rPx = radius * f.iod;
  const c = fromFrame(f, centre);
  const step = Math.max(1, rPx / 12);
  for (let dy = -rPx; dy <= rPx; dy += step) {
    for (let dx = -rPx; dx <= rPx; dx += step) {
      if (dx * dx + dy * dy > rPx * rPx) continue;
      const lab = pixelLab(img, c[0] + dx, c[1] + dy);
      if (!lab) continue;
      const q: Vec2 = [centre[0] + dx / f.iod, centre[1] + dy / f.iod];
      if (keep(q, lab)) out.push(lab);
    }
  }
  return out;
}

export function classifyEyeColour(lab: Lab): EyeColour {
  const [L, a, b] = lab;
  const chroma = Math.hypot(a, b);
  // Thresholds set on iris samples: blue irises have negative b*, green ones negative a*
  // with positive b*, grey ones almost no chroma; hazel is a light, yellowish brown.
  if (b < -1.5) return 'blue';
  if (chroma < 6 && L > 42) return 'grey';
  if (a < -1.5 && b > 2) return 'green';
  if (L >= 42 && b > 10) return 'hazel';
  return 'brown';
}

export function classifySkin(lab: Lab): { category: SkinTone; ita: number } {
  // Individual Typology Angle (Chardon et al.): ITA° = atan((L* − 50) / b*).
  const ita = (Math.atan2(lab[0] - 50, Math.max(lab[2], 1e-3)) * 180) / Math.PI;
  const category: SkinTone = ita > 55 ? 'very light' : ita > 41 ? 'light' : ita > 28 ? 'intermediate' : ita > 10 ? 'tan' : ita > -30 ? 'brown' : 'dark';
  return { category, ita };
}

export function classifyHair(lab: Lab): HairColour {
  const [L, a, b] = lab;
  const chroma = Math.hypot(a, b);
  if (chroma < 7 && L > 55) return 'grey';
  if (a > 14 && a > 0.55 * b && L > 25) return 'red';
  if (L < 18) return 'black';
  if (L < 30) return 'dark brown';
  if (L > 55 && b > 14) return 'blonde';
  if (L < 42) return 'brown';
  return 'light brown';
}

function irisCentre(points: readonly Point3[], near: Vec2, f: FaceFrame): Vec2 | null {
  if (points.length < 478) return null;
  let best: Vec2 | null = null;
  let bestD = Infinity;
  for (const i of [468, 473]) {
    const q = fromFrame(f, near);
    const d = Math.hypot(points[i][0] - q[0], points[i][1] - q[1]);
    if (d < bestD) {
      bestD = d;
      best = [points[i][0], points[i][1]];
    }
  }
  return best;
}

function measureEyeColour(img: Image8, points: readonly Point3[], f: FaceFrame, m: Vec2[]): Measured<{ category: EyeColour; lab: Lab }> {
  const samples: Lab[] = [];
  let confidence = 1;
  for (const [outer, inner, upper, lower] of [
    [LM.rightEyeOuter, LM.rightEyeInner, LM.rightEyeUpper, LM.rightEyeLower],
    [LM.leftEyeOuter, LM.leftEyeInner, LM.leftEyeUpper, LM.leftEyeLower],
  ] as const) {
    const eyeMid: Vec2 = [(m[outer][0] + m[inner][0]) / 2, (m[outer][1] + m[inner][1]) / 2];
    const irisPx = irisCentre(points, eyeMid, f);
    const centre = irisPx ? (((): Vec2 => { const x = irisPx[0] - f.origin[0], y = irisPx[1] - f.origin[1]; return [(x * f.ex[0] + y * f.ex[1]) / f.iod, (x * f.ey[0] + y * f.ey[1]) / f.iod]; })()) : eyeMid;
    if (!irisPx) confidence = Math.min(confidence, 0.5);
    const opening = dist(m[upper], m[lower]);
    // Iris radius ≈ 0.19 of the eye width for adults; the lids cover its top and bottom.
    const r = 0.19 * dist(m[outer], m[inner]);
    const top = m[upper][1], bottom = m[lower][1];
    samples.push(
      ...sampleDisc(img, f, centre, r * 0.95, (q, lab) => {
        const d = dist(q, centre);
        // Skip the pupil, the lids and specular highlights.
        return d > r * 0.38 && q[1] > top + opening * 0.12 && q[1] < bottom - opening * 0.12 && lab[0] < 82 && lab[0] > 6;
      }),
    );
  }
  const lab = medianLab(samples) ?? [30, 8, 12];
  if (samples.length < 12) confidence = Math.min(confidence, 0.2);
  return { value: { category: classifyEyeColour(lab), lab }, confidence: confidence * Math.min(1, samples.length / 60) };
}

function measureSkin(img: Image8, f: FaceFrame, m: Vec2[]): Measured<{ category: SkinTone; lab: Lab; ita: number }> {
  const samples = [LM.cheekRight, LM.cheekLeft, LM.foreheadMid].flatMap((i) => sampleDisc(img, f, m[i], 0.12, (_q, lab) => lab[0] > 12 && lab[0] < 95));
  const lab = medianLab(samples) ?? [60, 12, 18];
  return { value: { ...classifySkin(lab), lab }, confidence: Math.min(1, samples.length / 80) };
}

function measureHair(img: Image8, f: FaceFrame, m: Vec2[], matte: Mask | undefined): Measured<{ category: HairColour; lab: Lab }> {
  const top = m[LM.foreheadTop];
  const faceH = dist(m[LM.foreheadTop], m[LM.chin]);
  const faceW = dist(m[LM.faceRight], m[LM.faceLeft]);
  const samples: Lab[] = [];
  const skin = measureSkin(img, f, m).value.lab;
  for (let v = 0.08; v <= 0.4; v += 0.04) {
    for (let u = -0.35; u <= 0.35; u += 0.05) {
      const q: Vec2 = [top[0] + u * faceW, top[1] - v * faceH];
      const px = fromFrame(f, q);
      if (matte) {
        const mx = Math.round((px[0] * matte.width) / img.width), my = Math.round((px[1] * matte.height) / img.height);
        if (mx < 0 || my < 0 || mx >= matte.width || my >= matte.height || matte.data[my * matte.width + mx] < 0.6) continue;
      }
      const lab = pixelLab(img, px[0], px[1]);
      // Forehead skin showing through (bald or a high hairline) is not hair.
      if (lab && Math.hypot(lab[0] - skin[0], lab[1] - skin[1], lab[2] - skin[2]) > 12) samples.push(lab);
    }
  }
  const lab = medianLab(samples) ?? [25, 4, 8];
  return { value: { category: classifyHair(lab), lab }, confidence: Math.min(1, samples.length / 40) * (matte ? 1 : 0.6) };
}

function measureFreckles(img: Image8, f: FaceFrame, m: Vec2[]): Measured<number> {
  // Freckles are small spots clearly darker than the skin around them: count cheek samples
  // more than 6 L* below the local median.
  let spots = 0, total = 0;
  for (const i of [LM.cheekRight, LM.cheekLeft]) {
    const s = sampleDisc(img, f, m[i], 0.22);
    const med = medianLab(s);
    if (!med) continue;
    total += s.length;
    spots += s.filter((lab) => lab[0] < med[0] - 6).length;
  }
  const resolution = Math.min(1, f.iod / 120);
  return { value: total ? Math.min(1, (spots / total) * 4) : 0, confidence: 0.4 * resolution };
}

/** Analyses one parent's face. Throws TraitError with a user message when the face cannot be used. */
export function analyseParent(img: Image8, face: FaceAnalysis | undefined, matte?: Mask): ParentTraits {
  if (!face) throw new TraitError('No face was found in this parent photo. Use a clear, front-facing photo with the whole face visible.');
  if (face.points.length < 468) throw new TraitError('The face in this parent photo could not be measured (no face mesh). Try a sharper, front-facing photo.');
  const f = faceFrame(face.points);
  const m = normalisedMesh(face.points);
  const caveats: string[] = [];
  const yaw = Math.abs(face.pose.yaw);
  if (yaw > 35) throw new TraitError(`This parent is turned too far from the camera (${Math.round(yaw)}°). Use a photo looking at the camera.`);
  let poseConf = 1 - (yaw / 40) ** 2;
  if (yaw > 15) caveats.push(`head turned ${Math.round(yaw)}°: widths are less certain`);
  const resConf = Math.min(1, f.iod / 60);
  if (f.iod < 60) caveats.push(`small face (${Math.round(f.iod)} px between the eyes): colours and fine shapes are less certain`);
  poseConf = Math.max(0.05, poseConf);
  const g = measureGeometry(face.points);
  const geometry = Object.fromEntries(
    (Object.keys(g) as (keyof GeometryTraits)[]).map((k) => [k, { value: g[k], confidence: +(poseConf * (0.5 + 0.5 * resConf)).toFixed(3) }]),
  ) as ParentTraits['geometry'];
  if (g.eyeAspect < 0.12) {
    caveats.push('eyes nearly closed: eye shape and colour are uncertain');
    geometry.eyeAspect.confidence *= 0.3;
  }
  const eyeColour = measureEyeColour(img, face.points, f, m);
  if (g.eyeAspect < 0.12) eyeColour.confidence *= 0.2;
  eyeColour.confidence *= resConf;
  return {
    geometry,
    colour: { eyeColour, skinTone: measureSkin(img, f, m), hairColour: measureHair(img, f, m, matte), freckles: measureFreckles(img, f, m) },
    mesh: m,
    caveats,
  };
}
