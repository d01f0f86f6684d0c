// Per-photo work that does not depend on the seed: decode to linear light, shrink big
// photos (so warping never skips pixels), and measure the photo's white balance and
// exposure. Cached per photo object, so the 8 drafts of one generation pay for it once.
import type { FaceAnalysis } from '../face/types';
import type { Image8, Mask } from '../image/types';
import { type Gains, greyWorldGains, meanLogLuminance } from './harmonise';
import { type Plane, type Rgb, image8ToLinear, maskToPlane, reducePlane, reduceRgb } from './planes';

export interface PersonInput {
  photo: Image8;
  face: FaceAnalysis;
  /** Person matte, same size as the photo. */
  matte: Mask;
}

export interface PreparedPerson {
  /** 1 / reduction factor: multiply photo coordinates by this to index `colour`. */
  scale: number;
  colour: Rgb;
  matte: Plane;
  /** Gains that neutralise the photo's light (grey world over the whole photo). */
  neutralGains: Gains;
  /** Geometric-mean luminance of the whole photo, as a camera meter sees it. */
  metered: number;
}

// Keyed on the photo and the matte objects (a user may correct a matte for the same photo).
const cache = new WeakMap<Image8, WeakMap<Mask, Map<number, PreparedPerson>>>();

/** `drawScale`: how much the photo will be shrunk in the draft; reduce so warping shrinks by ≤ ~1/0.7. */
export function preparePerson(p: PersonInput, drawScale: number): PreparedPerson {
  if (p.matte.width !== p.photo.width || p.matte.height !== p.photo.height) {
    throw new RangeError(`matte is ${p.matte.width}×${p.matte.height} but the photo is ${p.photo.width}×${p.photo.height}`);
  }
  const factor = Math.max(1, Math.floor(0.7 / drawScale));
  let byMatte = cache.get(p.photo);
  if (!byMatte) cache.set(p.photo, (byMatte = new WeakMap()));
  let byFactor = byMatte.get(p.matte);
  if (!byFactor) byMatte.set(p.matte, (byFactor = new Map()));
  const hit = byFactor.get(factor);
  if (hit) return hit;
  const colour = reduceRgb(image8ToLinear(p.photo), factor);
  const prepared: PreparedPerson = {
    scale: 1 / factor,
    colour,
    matte: reducePlane(maskToPlane(p.matte), factor),
    neutralGains: greyWorldGains(colour),
    metered: meanLogLuminance(colour),
  };
  byFactor.set(factor, prepared);
  return prepared;
}
