// renderDraft: two selfies + a theme + a seed → one composited, relit, graded draft.
// Order follows how light works: each person is placed, colour-matched and relit; the
// backdrop is rendered through the lens; shadows fall on what is behind; people are laid
// over back to front with the backdrop's light wrapping their edges; the lens vignettes,
// and the film (tone curve, grain) records it. Faces are always the person's own pixels:
// every step on a face is a smooth gain (colour, exposure, shading), never new detail.
import type { Box, Point3 } from '../face/types';
import type { Image8 } from '../image/types';
import { createRng } from '../random/prng';
import type { ResolvedTheme } from '../../themes/schema';
import { renderBackdrop } from './backdrop';
import { gaussianBlur } from './blur';
import { luminance } from './colour';
import { gradeToImage8 } from './grade';
import { type Gains, exposureGain, partialGains } from './harmonise';
import { kelvinToRgb } from './kelvin';
import { type DraftLight, type DraftLayout, REFERENCE_SHORT_SIDE, fitFraming, resolveLayout } from './layout';
import { depthOfField } from './lens';
import { blendNormals, meshHeight, normalsFromHeight, silhouetteHeight } from './normals';
import { type PersonInput, preparePerson } from './person';
import { type Plane, type Rgb, newPlane, reducePlane, sampleCoarse } from './planes';
import { convexHull, fillPolygon } from './polygon';
import { lightDirection, relightFactor, rimWeight } from './relight';
import { type Affine, eyeAlignTransform, eyeCentres, transformPoints } from './transform';
import { warpPerson } from './warp';

export type { PersonInput } from './person';

export interface DraftInput {
  people: [PersonInput, PersonInput];
  theme: ResolvedTheme;
  seed: number;
}

export interface DraftFace {
  /** The person's mesh in draft pixels (z scaled with the head). */
  points: Point3[];
  box: Box;
  /** Eye centres in the draft, [image-left, image-right]. */
  eyes: [[number, number], [number, number]];
  mirrored: boolean;
}

export interface DraftPersonRecipe {
  eyeCentre: [number, number];
  eyeDistancePx: number;
  tiltDeg: number;
  mirrored: boolean;
  /** Photo → draft transform. */
  transform: Affine;
  /** Linear-light gains applied to the person (white balance × light tint × exposure). */
  gains: Gains;
}

export interface DraftRecipe {
  kind: 'pairlight-draft';
  version: 1;
  themeId: string;
  seed: number;
  width: number;
  height: number;
  people: [DraftPersonRecipe, DraftPersonRecipe];
  light: DraftLight;
  /** Crop-in applied so the selfies reach the bottom of the picture (1 = none). */
  zoom: number;
  /** The people traded the theme's places for this seed; `front` is the person drawn in front (0 = A). */
  swapped: boolean;
  front: 0 | 1;
  lens: { focusDistanceM: number; backgroundBlurPx: number };
  /** The theme exactly as rendered (after the user's overrides). */
  theme: ResolvedTheme;
}

export interface DraftResult {
  image: Image8;
  faces: [DraftFace, DraftFace];
  recipe: DraftRecipe;
}

/** White balance of the imagined camera: the theme light's colour is relative to daylight. */
const CAMERA_WHITE_K = 5500;
/**
 * A photographer sets white balance part-way toward a coloured light: the light still reads
 * warm or cool, but faces are not painted orange. Half the colour ratio, in log terms.
 */
const LIGHT_TINT_STRENGTH = 0.5;
/** Selfie cameras already expose for the face, so the meter correction is only half applied. */
const METER_STRENGTH = 0.5;
/** Both faces are pulled halfway to their common exposure: camera differences go, skin-tone differences (identity) stay. */
const FACE_MATCH_STRENGTH = 0.5;
/** Grid step for shading, shadows and wrap: light varies slowly, so a 4× coarser grid is invisible. */
const GRID = 4;
/**
 * Aligning the eyes rotates the whole selfie, body included. People tilt their heads on an
 * upright body, so a big roll correction leans the torso like a falling post. The draft keeps
 * the person's own head roll and turns toward the theme's tilt by at most this much.
 */
const MAX_BODY_ROTATION_DEG = 10;
/** Key light falls off down the body (the light is aimed at the faces): up to 35% darker by three eye-distances below the chin. */
const BODY_FALLOFF = 0.35;

interface PlacedPerson {
  colour: Rgb;
  alpha: Plane;
  bounds: { x0: number; y0: number; x1: number; y1: number };
  points: Point3[];
  faceMaskLow: Float32Array;
  /** Mean linear colour of the face in the photo, before gains. */
  faceMean: [number, number, number];
  recipe: DraftPersonRecipe;
}

function smoothstep(a: number, b: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
}

function boxOf(points: readonly Point3[]): Box {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of points) {
    if (x < x0) x0 = x; if (x > x1) x1 = x;
    if (y < y0) y0 = y; if (y > y1) y1 = y;
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

function scaleColour(p: PlacedPerson, k: number): void {
  const { x0, y0, x1, y1 } = p.bounds;
  const w = p.colour.width;
  for (let y = y0; y < y1; y++) for (let i = y * w + x0; i < y * w + x1; i++) {
    p.colour.r[i] *= k; p.colour.g[i] *= k; p.colour.b[i] *= k;
  }
}

function place(person: PersonInput, layout: DraftLayout, index: 0 | 1, theme: ResolvedTheme, light: DraftLight): PlacedPerson {
  const { width, height } = layout;
  const eyes = eyeCentres(person.face.points);
  const wanted = layout.people[index];
  const ownRoll = (Math.atan2(eyes[1][1] - eyes[0][1], eyes[1][0] - eyes[0][0]) * 180) / Math.PI * (wanted.mirror ? -1 : 1);
  const turn = Math.max(-MAX_BODY_ROTATION_DEG, Math.min(MAX_BODY_ROTATION_DEG, wanted.tiltDeg - ownRoll));
  const placement = { ...wanted, tiltDeg: ownRoll + turn };
  layout.people[index] = placement;
  const eyeDist = Math.hypot(eyes[1][0] - eyes[0][0], eyes[1][1] - eyes[0][1]);
  const prepared = preparePerson(person, placement.distance / eyeDist);
  const k = prepared.scale;
  const small: [[number, number], [number, number]] = [[eyes[0][0] * k, eyes[0][1] * k], [eyes[1][0] * k, eyes[1][1] * k]];
  const toCanvas = eyeAlignTransform(small, placement);
  const fullToCanvas: Affine = { ...toCanvas, a: toCanvas.a * k, b: toCanvas.b * k, d: toCanvas.d * k, e: toCanvas.e * k };
  // Beyond the selfie's sides the matte fades within 4% of the photo's width: repeating the
  // edge column any further draws streaks (and often another person's hair cut by the frame).
  const warped = warpPerson(prepared.colour, prepared.matte, toCanvas, width, height, prepared.colour.width * 0.04, prepared.bottom);

  // Colour: neutralise the photo's light, meter, then tint by the theme light.
  const neutral = partialGains(prepared.neutralGains, theme.light.colourMatch);
  const key = kelvinToRgb(light.temperatureK), cam = kelvinToRgb(CAMERA_WHITE_K);
  const tint = [0, 1, 2].map((c) => Math.pow(key[c] / cam[c], LIGHT_TINT_STRENGTH));
  const meter = Math.pow(exposureGain(prepared.metered, 0.18), METER_STRENGTH) * Math.pow(2, light.exposureEv);
  const gains = [0, 1, 2].map((c) => neutral[c] * tint[c] * meter) as Gains;
  const placed: PlacedPerson = {
    ...warped,
    points: transformPoints(person.face.points, fullToCanvas),
    faceMaskLow: new Float32Array(0),
    faceMean: prepared.faceMean,
    recipe: {
      eyeCentre: placement.centre, eyeDistancePx: placement.distance, tiltDeg: placement.tiltDeg, mirrored: placement.mirror,
      transform: fullToCanvas, gains,
    },
  };
  const { x0, y0, x1, y1 } = warped.bounds;
  for (let y = y0; y < y1; y++) for (let i = y * width + x0; i < y * width + x1; i++) {
    warped.colour.r[i] *= gains[0]; warped.colour.g[i] *= gains[1]; warped.colour.b[i] *= gains[2];
  }
  return placed;
}

/** Shading from the theme key, on the coarse grid, applied as a smooth gain; then the rim light. */
function relightPerson(p: PlacedPerson, theme: ResolvedTheme, light: DraftLight, width: number, height: number, eyeDistPx: number): void {
  const alphaLow = reducePlane(p.alpha, GRID);
  const gw = alphaLow.width, gh = alphaLow.height;
  const eyeLow = eyeDistPx / GRID;
  const body = normalsFromHeight(silhouetteHeight(alphaLow, Math.max(1, 0.6 * eyeLow)));
  const mesh = meshHeight(p.points, gw, gh, 1 / GRID, Math.max(0.8, eyeLow * 0.12));
  const faceHeight = gaussianBlur(mesh.height, Math.max(0.6, eyeLow * 0.06));
  const face = normalsFromHeight(faceHeight);
  const hull = fillPolygon(convexHull(p.points.slice(0, 468).map(([x, y]) => [x, y])), gw, gh, 1 / GRID);
  // Shrink the hull a little before feathering: the mesh's steep outer ring would otherwise
  // blend into the silhouette normals as a dark outline around the face.
  const faceMask = gaussianBlur({ width: gw, height: gh, data: hull }, Math.max(0.8, eyeLow * 0.15)).data;
  for (let i = 0; i < faceMask.length; i++) faceMask[i] = smoothstep(0.35, 0.85, faceMask[i]);
  p.faceMaskLow = faceMask;
  const normals = blendNormals(body, face, faceMask);
  const l = lightDirection(light.azimuthDeg, light.elevationDeg);
  const meanWeight = faceMask.some((v) => v > 0) ? faceMask : alphaLow.data;
  const factor = relightFactor(normals, l, theme.light.fill, theme.light.shading, meanWeight);
  let chin = -Infinity;
  for (let i = 0; i < Math.min(468, p.points.length); i++) chin = Math.max(chin, p.points[i][1]);
  for (let y = 0; y < gh; y++) {
    const fall = 1 - BODY_FALLOFF * smoothstep(chin, chin + 3 * eyeDistPx, (y + 0.5) * GRID);
    for (let x = 0; x < gw; x++) factor[y * gw + x] *= fall;
  }
  const gain: Plane = { width: gw, height: gh, data: factor };

  // Rim light from behind: on the key's side when the key is itself behind, else opposite it.
  const behind = Math.abs(light.azimuthDeg) > 90;
  const rimAz = behind ? light.azimuthDeg : light.azimuthDeg > 0 ? -135 : 135;
  const rl = lightDirection(rimAz, 30);
  const rd = Math.hypot(rl[0], rl[1]) || 1;
  const rimDir: [number, number] = [rl[0] / rd, rl[1] / rd];
  const rim = kelvinToRgb(theme.light.rim.temperatureK);
  const rimI = theme.light.rim.intensity;
  const rimSigma = theme.light.rim.widthPx * (Math.min(width, height) / REFERENCE_SHORT_SIDE);
  // The softened matte only sets a smooth band and its direction: half resolution is plenty.
  const soft = rimI > 0 ? gaussianBlur(reducePlane(p.alpha, 2), Math.max(0.5, rimSigma / 2)) : null;
  // Outward edge direction: down the gradient of the softened matte (per half-res pixel).
  let gradX: Plane | null = null, gradY: Plane | null = null;
  if (soft) {
    const sw = soft.width, sh = soft.height;
    gradX = newPlane(sw, sh); gradY = newPlane(sw, sh);
    for (let y = 0; y < sh; y++) for (let x = 0; x < sw; x++) {
      const i = y * sw + x;
      gradX.data[i] = (x > 0 ? soft.data[i - 1] : soft.data[i]) - (x < sw - 1 ? soft.data[i + 1] : soft.data[i]);
      gradY.data[i] = (y > 0 ? soft.data[i - sw] : soft.data[i]) - (y < sh - 1 ? soft.data[i + sw] : soft.data[i]);
    }
  }
  const { x0, y0, x1, y1 } = p.bounds;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = y * width + x;
      const a = p.alpha.data[i];
      if (a <= 0) continue;
      const g = sampleCoarse(gain, x, y, GRID);
      let r = p.colour.r[i] * g, gg = p.colour.g[i] * g, b = p.colour.b[i] * g;
      if (soft && gradX && gradY) {
        const w = rimWeight(a, sampleCoarse(soft, x, y, 2), sampleCoarse(gradX, x, y, 2), sampleCoarse(gradY, x, y, 2), rimDir) * rimI;
        if (w > 0) {
          // Rim light shows the surface's own colour (skin, hair) brightened, plus a little
          // specular sheen so dark hair still catches it.
          const lum = luminance(r, gg, b);
          r += w * rim[0] * (r * 1.2 + 0.04 + lum * 0.2);
          gg += w * rim[1] * (gg * 1.2 + 0.04 + lum * 0.2);
          b += w * rim[2] * (b * 1.2 + 0.04 + lum * 0.2);
        }
      }
      p.colour.r[i] = r; p.colour.g[i] = gg; p.colour.b[i] = b;
    }
  }
}

/** A soft shadow of a matte, cast away from the light by `offsetPx`, on the coarse grid. */
function castShadow(alpha: Plane, l: [number, number, number], offsetPx: number, sigmaPx: number): Plane {
  const low = reducePlane(alpha, GRID);
  const blurred = gaussianBlur(low, Math.max(0.5, sigmaPx / GRID));
  const lx = l[0], ly = l[1];
  const len = Math.hypot(lx, ly) || 1;
  // Shadow falls opposite the light's image-plane direction; sample toward the light.
  const dx = (lx / len) * (offsetPx / GRID), dy = (ly / len) * (offsetPx / GRID);
  const gw = low.width, gh = low.height;
  const shifted = newPlane(gw, gh);
  for (let y = 0; y < gh; y++) {
    for (let x = 0; x < gw; x++) {
      const sx = Math.round(x + dx), sy = Math.round(y + dy);
      shifted.data[y * gw + x] = sx >= 0 && sx < gw && sy >= 0 && sy < gh ? blurred.data[sy * gw + sx] : sy >= gh ? blurred.data[(gh - 1) * gw + Math.min(gw - 1, Math.max(0, sx))] : 0;
    }
  }
  return shifted;
}

/** Light from the backdrop bleeding around the subjects' edges (what a real lens and real air do). */
function wrapLight(bg: Rgb, alphaAll: Plane, sigmaPx: number, width: number, height: number): Rgb {
  const aLow = reducePlane(alphaAll, GRID);
  const gw = aLow.width, gh = aLow.height;
  const open = newPlane(gw, gh);
  for (let i = 0; i < open.data.length; i++) open.data[i] = 1 - aLow.data[i];
  const s = Math.max(0.5, sigmaPx / GRID);
  const den = gaussianBlur(open, s);
  const ch = (src: Float32Array) => {
    const low = reducePlane({ width, height, data: src }, GRID);
    for (let i = 0; i < low.data.length; i++) low.data[i] *= open.data[i];
    const num = gaussianBlur(low, s);
    for (let i = 0; i < num.data.length; i++) num.data[i] = den.data[i] > 1e-4 ? num.data[i] : 0;
    return num.data;
  };
  // num = blur(bg·open): the backdrop light reaching each point, already weighted by how much
  // backdrop is near. Kept on the coarse grid; `over` reads it where a person is.
  return { width: gw, height: gh, r: ch(bg.r), g: ch(bg.g), b: ch(bg.b) };
}

function over(dst: Rgb, p: PlacedPerson, wrap: Rgb, wrapAmount: number): void {
  const { x0, y0, x1, y1 } = p.bounds;
  const w = dst.width;
  const wr: Plane = { width: wrap.width, height: wrap.height, data: wrap.r };
  const wg: Plane = { width: wrap.width, height: wrap.height, data: wrap.g };
  const wb: Plane = { width: wrap.width, height: wrap.height, data: wrap.b };
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = y * w + x;
      const a = p.alpha.data[i];
      if (a <= 0) continue;
      const r = p.colour.r[i] + wrapAmount * sampleCoarse(wr, x, y, GRID);
      const g = p.colour.g[i] + wrapAmount * sampleCoarse(wg, x, y, GRID);
      const b = p.colour.b[i] + wrapAmount * sampleCoarse(wb, x, y, GRID);
      dst.r[i] += (r - dst.r[i]) * a;
      dst.g[i] += (g - dst.g[i]) * a;
      dst.b[i] += (b - dst.b[i]) * a;
    }
  }
}

function darken(img: Rgb, shadow: Plane, strength: number, keep?: Plane): void {
  const w = img.width;
  // Shadows cover a small part of the picture: skip fine rows whose two coarse rows are empty.
  const rowMax = new Float32Array(shadow.height);
  for (let y = 0; y < shadow.height; y++) for (let x = 0; x < shadow.width; x++) rowMax[y] = Math.max(rowMax[y], shadow.data[y * shadow.width + x]);
  for (let y = 0; y < img.height; y++) {
    const cy = Math.min(shadow.height - 1, Math.max(0, Math.floor((y + 0.5) / GRID - 0.5)));
    if (rowMax[cy] < 1e-3 && rowMax[Math.min(shadow.height - 1, cy + 1)] < 1e-3) continue;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const k = 1 - strength * sampleCoarse(shadow, x, y, GRID) * (keep ? 1 - keep.data[i] : 1);
      img.r[i] *= k; img.g[i] *= k; img.b[i] *= k;
    }
  }
}

export function renderDraft(input: DraftInput): DraftResult {
  const { theme, seed, people } = input;
  const rng = createRng(seed);
  const layout = resolveLayout(theme, [people[0].face, people[1].face], rng.fork('layout'));
  if (theme.layout.fitToPhotos) {
    const below = people.map((p) => {
      const e = eyeCentres(p.face.points);
      return (p.photo.height - (e[0][1] + e[1][1]) / 2) / Math.hypot(e[1][0] - e[0][0], e[1][1] - e[0][1]);
    }) as [number, number];
    const fit = fitFraming(layout.people, below, layout.height, theme.layout.maxZoom);
    layout.people = fit.people;
    layout.zoom = fit.zoom;
  }
  const { width, height, light } = layout;
  const placed = [place(people[0], layout, 0, theme, light), place(people[1], layout, 1, theme, light)];

  // Match the two faces to each other (halfway to their common exposure).
  if (FACE_MATCH_STRENGTH > 0) {
    const logs = placed.map((p, i) => {
      const m = p.faceMean, g = p.recipe.gains;
      return Math.log(luminance(m[0] * g[0], m[1] * g[1], m[2] * g[2]) + 1e-4);
    });
    const mean = (logs[0] + logs[1]) / 2;
    placed.forEach((p, i) => scaleColour(p, Math.exp((mean - logs[i]) * FACE_MATCH_STRENGTH)));
  }
  const eyeDist = (layout.people[0].distance + layout.people[1].distance) / 2;
  placed.forEach((p) => relightPerson(p, theme, light, width, height, eyeDist));

  const lens = theme.lens;
  const dof = depthOfField(lens.focalLengthMm, lens.aperture, lens.backgroundDistanceM, eyeDist, Math.min(width, height));
  const canvas = renderBackdrop(theme.backdrop, width, height, dof.backgroundBlurPx, rng.fork('backdrop'));

  const l = lightDirection(light.azimuthDeg, light.elevationDeg);
  // Shadows on the backdrop: softer, further and fainter the further back the backdrop stands.
  const bgDist = lens.backgroundDistanceM;
  const bgStrength = theme.light.contactShadow * Math.min(1, 1.2 / (1 + bgDist));
  if (bgStrength > 0.01) {
    const all = newPlane(width, height);
    for (const p of placed) for (let i = 0; i < all.data.length; i++) all.data[i] = Math.max(all.data[i], p.alpha.data[i]);
    darken(canvas, castShadow(all, l, eyeDist * (0.4 + 0.3 * bgDist), eyeDist * (0.5 + 0.4 * bgDist)), bgStrength);
  }

  const alphaAll = newPlane(width, height);
  for (const p of placed) for (let i = 0; i < alphaAll.data.length; i++) alphaAll.data[i] = Math.max(alphaAll.data[i], p.alpha.data[i]);
  const wrap = wrapLight(canvas, alphaAll, eyeDist * 0.3, width, height);

  const front = layout.front;
  const back = (1 - front) as 0 | 1;
  over(canvas, placed[back], wrap, theme.light.wrap);
  // Contact shadow: the front person darkens what is just behind them (cheek on cheek, shoulder on chest).
  if (theme.light.contactShadow > 0) {
    const sh = castShadow(placed[front].alpha, l, eyeDist * 0.12, eyeDist * 0.25);
    darken(canvas, sh, theme.light.contactShadow, placed[front].alpha);
  }
  over(canvas, placed[front], wrap, theme.light.wrap);

  // Grain is specified for a 768-px draft: at other sizes a grain keeps its size on the
  // print, so it shrinks in pixels; below one pixel, the grains averaged in each pixel
  // lower its standard deviation in proportion to the grain's size.
  const k = Math.min(width, height) / REFERENCE_SHORT_SIDE;
  const grainPx = theme.grade.grain.sizePx * k;
  const grain = grainPx >= 1 ? { amount: theme.grade.grain.amount, sizePx: grainPx } : { amount: theme.grade.grain.amount * grainPx, sizePx: 1 };
  const image = gradeToImage8(canvas, { ...theme.grade, grain }, rng.fork('grade'));
  const faces = placed.map((p) => {
    const m = p.recipe.transform;
    const eyes = eyeCentres(people[placed.indexOf(p)].face.points).map(([x, y]) => [m.a * x + m.b * y + m.c, m.d * x + m.e * y + m.f]);
    // The mirrored person's eyes swap sides; report them left to right in the draft.
    eyes.sort((a, b) => a[0] - b[0]);
    return { points: p.points, box: boxOf(p.points), eyes: eyes as [[number, number], [number, number]], mirrored: p.recipe.mirrored };
  }) as [DraftFace, DraftFace];
  return {
    image,
    faces,
    recipe: {
      kind: 'pairlight-draft', version: 1, themeId: theme.id, seed, width, height,
      people: [placed[0].recipe, placed[1].recipe],
      light,
      zoom: layout.zoom,
      swapped: layout.swapped,
      front: layout.front,
      lens: { focusDistanceM: dof.focusDistanceM, backgroundBlurPx: dof.backgroundBlurPx },
      theme,
    },
  };
}

