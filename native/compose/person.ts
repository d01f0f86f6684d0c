// Per-photo work that does not depend on the seed: decode to linear light, shrink big
// photos (so warping never skips pixels), even out a coloured light on part of the skin,
// take out flash red-eye, and measure the photo's white balance and exposure. Cached per
// photo object, so the 8 drafts of one generation pay for it once.
import type { Box, FaceAnalysis } from '../face/types';
import type { Image8, Mask } from '../image/types';
import { type Gains, greyWorldGains, meanLogLuminance } from './harmonise';
import { type Plane, type Rgb, image8ToLinear, maskToPlane, reducePlane, reduceRgb } from './planes';
import { type BottomProfile, bottomProfile } from './warp';
import { gaussianBlur } from './blur';
import { convexHull, fillPolygon } from './polygon';
import { evenSkinCast } from './skin-cast';
import { removeRedEye } from './red-eye';

export interface PersonInput {
  photo: Image8;
  face: FaceAnalysis;
  /** Person matte, same size as the photo. */
  matte: Mask;
  /** The other faces in the same photo: their people are cut away from this one's matte. */
  neighbours?: readonly Box[];
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
  bottom: BottomProfile;
  /** Mean linear colour inside the face oval (for matching the two faces' exposure). */
  faceMean: [number, number, number];
}

/** A face as the matte split sees it: centre and size, in the matte's pixels. */
export interface FaceSpot {
  x: number;
  y: number;
  size: number;
}

export function faceSpot(box: Box, factor = 1): FaceSpot {
  return { x: (box.x + box.width / 2) / factor, y: (box.y + box.height / 2) / factor, size: Math.max(box.width, box.height) / factor };
}

/**
 * Whether a pixel is on this person's side of every neighbour: the cut between two faces is the
 * straight line across the segment joining their centres, placed in proportion to the faces'
 * sizes (a nearer, bigger face owns more of the space between them). Below the heads the line
 * runs between the two bodies, which is where a friend's shoulder meets this person's.
 */
function ownSide(self: FaceSpot, neighbours: readonly FaceSpot[]): (x: number, y: number) => boolean {
  const cuts = neighbours.map((n) => {
    const dx = n.x - self.x, dy = n.y - self.y;
    const len = Math.hypot(dx, dy) || 1;
    return { ux: dx / len, uy: dy / len, limit: (len * self.size) / (self.size + n.size) };
  });
  return (x, y) => cuts.every((c) => (x - self.x) * c.ux + (y - self.y) * c.uy <= c.limit);
}

/**
 * Keeps the matte to this person: a selfie's matte often includes a friend's shoulder or
 * head. Only the connected region (matte ≥ 0.5) that contains the face centre is kept, and when
 * other faces are known, only the part on this person's side of each of them (a friend who
 * touches them is connected to them in the matte); the soft edges survive, the rest is faded out
 * over a few pixels.
 */
export function ownRegion(matte: Plane, self: FaceSpot, neighbours: readonly FaceSpot[] = []): Plane {
  const { width: w, height: h } = matte;
  const inside = new Uint8Array(w * h);
  const mine = ownSide(self, neighbours);
  const sx = Math.min(w - 1, Math.max(0, Math.round(self.x))), sy = Math.min(h - 1, Math.max(0, Math.round(self.y)));
  if (matte.data[sy * w + sx] < 0.5) return matte; // no reliable seed: keep the matte as it is
  const stack = [sy * w + sx];
  inside[sy * w + sx] = 1;
  while (stack.length) {
    const i = stack.pop()!;
    const x = i % w, y = (i - x) / w;
    const next = [x > 0 ? i - 1 : -1, x < w - 1 ? i + 1 : -1, y > 0 ? i - w : -1, y < h - 1 ? i + w : -1];
    for (const j of next) {
      if (j >= 0 && !inside[j] && matte.data[j] >= 0.5 && mine(j % w, Math.floor(j / w))) {
        inside[j] = 1;
        stack.push(j);
      }
    }
  }
  // Grow the kept region by its soft edge (blur), so the matte's own feathering survives.
  const grown = gaussianBlur({ width: w, height: h, data: Float32Array.from(inside) }, Math.max(1.5, w / 200));
  const out = { width: w, height: h, data: new Float32Array(w * h) };
  for (let i = 0; i < w * h; i++) out.data[i] = matte.data[i] * Math.min(1, grown.data[i] * 2);
  return out;
}

function faceMeanColour(colour: Rgb, face: FaceAnalysis, factor: number): [number, number, number] {
  const hull = convexHull(face.points.slice(0, 468).map(([x, y]) => [x / factor, y / factor]));
  const mask = fillPolygon(hull, colour.width, colour.height);
  let r = 0, g = 0, b = 0, n = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    r += colour.r[i]; g += colour.g[i]; b += colour.b[i]; n++;
  }
  return n ? [r / n, g / n, b / n] : [0.18, 0.18, 0.18];
}

// Keyed on the photo and the matte objects (a user may correct a matte for the same photo).
const cache = new WeakMap<Image8, WeakMap<Mask, Map<string, PreparedPerson>>>();

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
  // The face's box is part of the key: the same photo may be used for either of two faces.
  const boxKey = (b: Box) => `${b.x},${b.y},${b.width}`;
  const key = `${factor}:${boxKey(p.face.box)}|${(p.neighbours ?? []).map(boxKey).join(';')}`;
  const hit = byFactor.get(key);
  if (hit) return hit;
  const colour = reduceRgb(image8ToLinear(p.photo), factor);
  const photoMatte = reducePlane(maskToPlane(p.matte), factor);
  // The photo's own light is judged before the skin is evened: the correction warms a
  // cyan-lit cheek, and grey world would read that as a warmer scene and cool the whole person.
  const neutralGains = greyWorldGains(colour);
  evenSkinCast(colour, photoMatte, p.face.points, 1 / factor);
  removeRedEye(colour, p.face.points, 1 / factor);
  const matte = ownRegion(photoMatte, faceSpot(p.face.box, factor), (p.neighbours ?? []).map((b) => faceSpot(b, factor)));
  const prepared: PreparedPerson = {
    scale: 1 / factor,
    colour,
    matte,
    neutralGains,
    metered: meanLogLuminance(colour),
    bottom: bottomProfile(colour, matte),
    faceMean: faceMeanColour(colour, p.face, factor),
  };
  byFactor.set(key, prepared);
  return prepared;
}
