// Turns a theme and a seed into concrete numbers for one draft: canvas size, where each
// head goes (with the theme's jitter drawn from the seed), whether a selfie is mirrored,
// and the light. These numbers are the draft's recipe.
import type { FaceAnalysis } from '../face/types';
import type { Rng } from '../random/prng';
import type { ResolvedTheme } from '../../themes/schema';
import type { EyePlacement } from './transform';

/** Theme pixel sizes (rim width, grain) are written for a draft 768 px on its short side. */
export const REFERENCE_SHORT_SIDE = 768;

export function canvasSize(theme: ResolvedTheme): { width: number; height: number } {
  const [a, b] = theme.canvas.aspect.split(':').map(Number);
  const s = theme.canvas.shortSide;
  return a <= b ? { width: s, height: Math.round((s * b) / a) } : { width: Math.round((s * a) / b), height: s };
}

/** Below this head turn (degrees) a face reads as frontal and is never mirrored. */
const MIRROR_YAW_DEG = 3;

/**
 * Mirror a person who looks away from their partner. HeadPose yaw > 0 turns toward the
 * image's left, so the person on the left should have yaw ≤ 0, the one on the right yaw ≥ 0.
 */
export function shouldMirror(face: FaceAnalysis, onLeft: boolean, faceEachOther: boolean): boolean {
  if (!faceEachOther) return false;
  return onLeft ? face.pose.yaw > MIRROR_YAW_DEG : face.pose.yaw < -MIRROR_YAW_DEG;
}

/** Where the selfie's frame must reach: just short of the bottom edge (the vignette covers the rest). */
const FIT_BOTTOM = 0.97;

/**
 * Crops in when a selfie would end above the bottom of the picture: both heads grow by one
 * factor about the couple's midpoint (so they keep touching), eye heights unchanged; if the
 * zoom limit is not enough, the couple moves down by up to 6% of the height. `below` is, per
 * person, how far the photo's bottom edge lies below the eyes, in eye distances.
 */
export function fitFraming(people: [EyePlacement, EyePlacement], below: [number, number], height: number, maxZoom: number): { people: [EyePlacement, EyePlacement]; zoom: number } {
  const need = people.map((p, i) => (FIT_BOTTOM * height - p.centre[1]) / Math.max(1e-6, below[i] * p.distance));
  const zoom = Math.min(maxZoom, Math.max(1, ...need));
  const mx = (people[0].centre[0] + people[1].centre[0]) / 2;
  const zoomed = people.map((p) => ({ ...p, distance: p.distance * zoom, centre: [mx + (p.centre[0] - mx) * zoom, p.centre[1]] as [number, number] }));
  const gap = Math.max(0, ...zoomed.map((p, i) => FIT_BOTTOM * height - (p.centre[1] + below[i] * p.distance)));
  const shift = Math.min(gap, 0.06 * height);
  for (const p of zoomed) p.centre = [p.centre[0], p.centre[1] + shift];
  return { people: zoomed as [EyePlacement, EyePlacement], zoom };
}

export interface DraftLight {
  azimuthDeg: number;
  elevationDeg: number;
  temperatureK: number;
  exposureEv: number;
}

export interface DraftLayout {
  width: number;
  height: number;
  people: [EyePlacement, EyePlacement];
  light: DraftLight;
  /** Crop-in factor applied by fitFraming (1 = the theme's own framing). */
  zoom: number;
  /** Which person (0 = A) is drawn in front. */
  front: 0 | 1;
  /** The people traded the theme's places (variation.jitter.swapSides). */
  swapped: boolean;
}

export function resolveLayout(theme: ResolvedTheme, faces: [FaceAnalysis, FaceAnalysis], rng: Rng): DraftLayout {
  const { width, height } = canvasSize(theme);
  const j = theme.variation.jitter;
  const u = (half: number) => rng.range(-half, half);
  // The couple moves as one (shared shift and size); each head gets a little of its own, so
  // variations stay a couple rather than two people drifting apart.
  const shiftX = u(j.anchor), shiftY = u(j.anchor);
  const size = 1 + u(j.eyeDistance);
  const lay = theme.layout;
  const leftSlot = lay.people[0].eyeCentre[0] <= lay.people[1].eyeCentre[0] ? 0 : 1;
  const slots = lay.people.map((p) => {
    const own = j.anchor / 3;
    return {
      centre: [(p.eyeCentre[0] + shiftX + u(own)) * width, (p.eyeCentre[1] + shiftY + u(own)) * height] as [number, number],
      distance: p.eyeDistance * size * width,
      tiltDeg: p.tiltDeg + u(j.tiltDeg),
    };
  });
  const k = theme.light.key;
  const light = {
    azimuthDeg: k.azimuthDeg + u(j.keyAzimuthDeg),
    elevationDeg: k.elevationDeg + u(j.keyElevationDeg),
    temperatureK: k.temperatureK + u(j.temperatureK),
    exposureEv: k.exposureEv + u(j.exposureEv),
  };
  // Drawn last, so a theme that never swaps keeps every other number its seeds always gave.
  const swapped = j.swapSides === true && rng.next() < 0.5;
  // Person i stands in slot i, or in the other one when swapped; the slot in front stays in front.
  const slotOf = (i: number) => (swapped ? 1 - i : i);
  const people = [0, 1].map((i) => ({ ...slots[slotOf(i)], mirror: shouldMirror(faces[i], slotOf(i) === leftSlot, lay.faceEachOther) })) as [EyePlacement, EyePlacement];
  const front = slotOf(lay.front) as 0 | 1;
  return { width, height, people, light, zoom: 1, front, swapped };
}
