// The infant portrait: both parents' face textures warped onto the child's mesh through a
// triangulation, blended per region by the inherited traits, given infant skin and the
// inherited iris colour, then set in a simple newborn-photo scene (bonnet and swaddle), so
// no adult hair, ears or neck are pasted onto a baby face.
import type { Image8 } from '../image/types';
import type { FaceAnalysis } from '../face/types';
import { boxMean } from '../image/blur';
import { labToRgb, rgbToLab, type Lab } from '../colour/lab';
import { FACE_MESH_TRIANGLES } from '../face/triangles';
import { interpolatePointValues, warpTriangles } from '../geometry/triangle-warp';
import { removeRedEyeImage8 } from '../compose/red-eye';
import { evenSkinCastImage8 } from '../compose/skin-cast';
import { ringDepth } from '../face/mesh-rings';
import { createRng, type Rng } from '../random/prng';
import { dist, type Vec2 } from './frame';
import { blendMeshes, infantTransform, INNER_LIP_PAIRS, pointWeightsA, regionWeights, type InfantAge } from './morph';
import type { Variation } from './inheritance';
import type { ParentTraits } from './traits';
import { LM, MESH_POINTS } from './landmarks';

export interface BabyParent {
  photo: Image8;
  face: FaceAnalysis;
  traits: ParentTraits;
}

export type BabyScene = 'nursery' | 'soft-studio' | 'outdoor';

export interface BabyPortraitInput {
  /** As prepareBabyParent returns them (done once per parent, not per variation). */
  parents: [BabyParent, BabyParent];
  variation: Variation;
  age: InfantAge;
  scene: BabyScene;
  width?: number;
  height?: number;
}

export interface BabyPortrait {
  image: Image8;
  /** The child's 468 mesh points in portrait pixels (for identity scoring and refine masks). */
  points: [number, number, number][];
  /** Target colours actually used. */
  colours: { skin: Lab; iris: Lab; hair: Lab };
}

const TYPICAL_IRIS: Record<'brown' | 'green' | 'blue', Lab> = { brown: [32, 9, 18], green: [48, -9, 16], blue: [52, -3, -20] };
const TYPICAL_HAIR: Record<'dark' | 'red' | 'light', Lab> = { dark: [24, 4, 9], red: [42, 22, 30], light: [66, 4, 24] };

const SCENES: Record<BabyScene, { top: Lab; bottom: Lab; blanket: Lab; bonnet: Lab }> = {
  nursery: { top: [88, 2, 8], bottom: [78, 6, 14], blanket: [90, 1, 6], bonnet: [86, 6, 4] },
  'soft-studio': { top: [70, 0, -4], bottom: [52, 0, -6], blanket: [92, 0, 2], bonnet: [90, 0, 2] },
  outdoor: { top: [80, -8, 18], bottom: [58, -14, 22], blanket: [88, 2, 10], bonnet: [84, 4, 14] },
};

const mixLab = (a: Lab, b: Lab, wA: number): Lab => [a[0] * wA + b[0] * (1 - wA), a[1] * wA + b[1] * (1 - wA), a[2] * wA + b[2] * (1 - wA)];

function colourFor<C extends string>(outcome: { category: C; source: string }, a: Lab, b: Lab, classA: C, classB: C, typical: Lab): Lab {
  if (outcome.source === 'A' || (outcome.source === 'blend' && classA === outcome.category && classB !== outcome.category)) return a;
  if (outcome.source === 'B') return b;
  if (classA === outcome.category && classB === outcome.category) return mixLab(a, b, 0.5);
  return typical;
}

/** Shifts the mean L*a*b* of the covered pixels of a float RGB layer to `target` (colour harmony between parents). */
function matchMeanLab(rgb: Float32Array, coverage: Float32Array, target: Lab, strength: number): void {
  let n = 0;
  const mean: Lab = [0, 0, 0];
  // Every third pixel is plenty for a mean and keeps the Lab conversions down.
  for (let i = 0; i < coverage.length; i += 3) {
    if (coverage[i] < 1) continue;
    const lab = rgbToLab(rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2]);
    mean[0] += lab[0]; mean[1] += lab[1]; mean[2] += lab[2];
    n++;
  }
  if (!n) return;
  const shift: Lab = [((target[0] - mean[0] / n) * strength), ((target[1] - mean[1] / n) * strength), ((target[2] - mean[2] / n) * strength)];
  for (let i = 0; i < coverage.length; i++) {
    if (coverage[i] <= 0) continue;
    const lab = rgbToLab(rgb[i * 3], rgb[i * 3 + 1], rgb[i * 3 + 2]);
    const out = labToRgb([lab[0] + shift[0], lab[1] + shift[1], lab[2] + shift[2]]);
    rgb[i * 3] = out[0]; rgb[i * 3 + 1] = out[1]; rgb[i * 3 + 2] = out[2];
  }
}

function blurChannelled(rgb: Float32Array, w: number, h: number, r: number): Float32Array {
  const out = new Float32Array(rgb.length);
  const ch = new Float32Array(w * h);
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < w * h; i++) ch[i] = rgb[i * 3 + c];
    // Three box passes approximate a Gaussian.
    const b = boxMean(boxMean(boxMean(ch, w, h, r), w, h, r), w, h, r);
    for (let i = 0; i < w * h; i++) out[i * 3 + c] = b[i];
  }
  return out;
}

const MOUTH_CORNER_RIGHT = 78, MOUTH_CORNER_LEFT = 308;
/** Outer lower-lip points matching INNER_LIP_PAIRS' lower points, right to left. */
const LOWER_OUTER_LIP = [146, 91, 181, 84, 17, 314, 405, 321, 375];

function distanceToPolyline(x: number, y: number, line: readonly (readonly number[])[]): number {
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = line[i], [bx, by] = line[i + 1];
    const len2 = (bx - ax) ** 2 + (by - ay) ** 2 || 1;
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / len2));
    best = Math.min(best, Math.hypot(x - ax - t * (bx - ax), y - ay - t * (by - ay)));
  }
  return best;
}

function insidePolygon(x: number, y: number, poly: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i], [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * A copy of a parent photo with the mouth closed: the opening between the inner lip contours
 * (teeth, tongue) is filled with the lips' own colour and a soft seam, so no triangle of the
 * warp can carry adult teeth onto the baby (the generic triangulation crosses the lip line).
 */
export function closeMouthInPhoto(photo: Image8, points: readonly (readonly number[])[]): Image8 {
  // The mesh's lower inner contour tends to sit on the lower teeth rather than below them, so
  // the filled opening reaches 45% of the way to the lower lip's outer edge.
  const reach = 0.45;
  const upper = [MOUTH_CORNER_RIGHT, ...INNER_LIP_PAIRS.map(([u]) => u), MOUTH_CORNER_LEFT].map((i) => points[i]);
  const lower = INNER_LIP_PAIRS.map(([, l], k) => {
    const o = points[LOWER_OUTER_LIP[k]];
    return [points[l][0] + (o[0] - points[l][0]) * reach, points[l][1] + (o[1] - points[l][1]) * reach];
  }).reverse();
  const poly = [...upper, ...lower];
  const seamLine = [points[MOUTH_CORNER_RIGHT], ...INNER_LIP_PAIRS.map(([u, l]) => [(points[u][0] + points[l][0]) / 2, (points[u][1] + points[l][1]) / 2]), points[MOUTH_CORNER_LEFT]];
  const xs = poly.map((p) => p[0]), ys = poly.map((p) => p[1]);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)) - 1), x1 = Math.min(photo.width - 1, Math.ceil(Math.max(...xs)) + 1);
  const y0 = Math.max(0, Math.floor(Math.min(...ys)) - 1), y1 = Math.min(photo.height - 1, Math.ceil(Math.max(...ys)) + 1);
  // Lip colour: the middle of the upper lip (between its outer top and inner edge) and of the lower lip.
  const samples: Lab[] = [];
  const C = photo.channels;
  for (const [outer, inner] of [[LM.upperLipTop, LM.upperLipInner], [LM.lowerLipBottom, LM.lowerLipInner]] as const) {
    const cx = (points[outer][0] + points[inner][0]) / 2, cy = (points[outer][1] + points[inner][1]) / 2;
    for (let dy = -1; dy <= 1; dy++) for (let dx = -3; dx <= 3; dx++) {
      const x = Math.round(cx + dx), y = Math.round(cy + dy);
      if (x < 0 || y < 0 || x >= photo.width || y >= photo.height) continue;
      const i = (y * photo.width + x) * C;
      samples.push(rgbToLab(photo.data[i], photo.data[i + 1], photo.data[i + 2]));
    }
  }
  const lip = samples.length ? samples.reduce((a, b) => [a[0] + b[0] / samples.length, a[1] + b[1] / samples.length, a[2] + b[2] / samples.length] as Lab, [0, 0, 0] as Lab) : ([55, 25, 12] as Lab);
  const data = photo.data.slice();
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (!insidePolygon(x + 0.5, y + 0.5, poly)) continue;
      // Where the lips meet, a slightly darker seam; elsewhere lip colour.
      const seam = Math.exp(-(distanceToPolyline(x + 0.5, y + 0.5, seamLine) ** 2) / 3);
      const rgb = labToRgb([lip[0] - 14 * seam, lip[1], lip[2]]);
      const i = (y * photo.width + x) * C;
      data[i] = rgb[0]; data[i + 1] = rgb[1]; data[i + 2] = rgb[2];
    }
  }
  return { ...photo, data };
}

/** Places the child's normalised mesh in the portrait: eyes at 42% height, IOD = 21% of the width. */
function placeMesh(mesh: readonly Vec2[], width: number, height: number): Vec2[] {
  const iod = width * 0.21;
  const ox = width / 2, oy = height * 0.42;
  return mesh.map(([x, y]) => [ox + x * iod, oy + y * iod]);
}

/** Face alpha by ring depth from the outline (0, 1, 2, 3+). */
const RIM_ALPHA = [0, 0.1, 0.6, 1];
const RING_DEPTH = ringDepth(FACE_MESH_TRIANGLES);

function ellipseCoverage(x: number, y: number, cx: number, cy: number, rx: number, ry: number, feather: number): number {
  const d = Math.sqrt(((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2);
  return Math.max(0, Math.min(1, (1 - d) / feather));
}

/** Margin kept around the face's mesh when a parent photo is cut down, over the mesh's larger side (the skin-cast box reaches 0.15). */
const PARENT_CROP_MARGIN = 0.2;

/**
 * A parent as the portrait uses it: the photo cut down to the face (the warp reads nothing
 * else, and every later copy and thread hand-over then costs the face alone), flash red-eye and
 * a coloured light on the skin evened out, the mouth closed. Per parent, once for all variations.
 */
export function prepareBabyParent(p: BabyParent): BabyParent {
  const pts = p.face.points;
  const xs = pts.map((q) => q[0]), ys = pts.map((q) => q[1]);
  const margin = PARENT_CROP_MARGIN * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const x0 = Math.max(0, Math.floor(Math.min(...xs) - margin)), y0 = Math.max(0, Math.floor(Math.min(...ys) - margin));
  const x1 = Math.min(p.photo.width, Math.ceil(Math.max(...xs) + margin)), y1 = Math.min(p.photo.height, Math.ceil(Math.max(...ys) + margin));
  const w = x1 - x0, h = y1 - y0, ch = p.photo.channels;
  const data = new Uint8Array(w * h * ch);
  for (let y = 0; y < h; y++) data.set(p.photo.data.subarray(((y0 + y) * p.photo.width + x0) * ch, ((y0 + y) * p.photo.width + x1) * ch), y * w * ch);
  const points = pts.map(([x, y, z]) => [x - x0, y - y0, z] as typeof pts[number]);
  const face = { ...p.face, points, box: { ...p.face.box, x: p.face.box.x - x0, y: p.face.box.y - y0 } };
  const photo = closeMouthInPhoto(evenSkinCastImage8(removeRedEyeImage8({ ...p.photo, width: w, height: h, data }, points), points), points);
  return { photo, face, traits: p.traits };
}

export function renderBabyPortrait(input: BabyPortraitInput): BabyPortrait {
  const width = input.width ?? 640;
  const height = input.height ?? 800;
  const [A, B] = input.parents;
  const v = input.variation;
  const rng: Rng = createRng(v.seed);

  // 1. Shape: blend by trait, then infant proportions.
  const wA = pointWeightsA(A.traits.mesh, v.shapes);
  const childNorm = infantTransform(blendMeshes(A.traits.mesh, B.traits.mesh, wA), input.age);
  const child = placeMesh(childNorm, width, height);
  // The canonical face triangulation, shared by both parents and the child, so each
  // triangle of skin moves as one piece.
  const tris = FACE_MESH_TRIANGLES;

  // 2. Texture: each parent warped onto the child's shape, harmonised to the child's skin tone.
  const skinA = A.traits.colour.skinTone.value.lab, skinB = B.traits.colour.skinTone.value.lab;
  const skin = mixLab(skinA, skinB, v.skinTone.weightA);
  // Babies' skin is lighter and pinker than their parents'; a small, stated shift.
  const babySkin: Lab = [Math.min(85, skin[0] + 3), skin[1] + 2.5, skin[2] - 1];
  const layers = [A, B].map((p) => {
    const w = warpTriangles(p.photo, p.face.points.slice(0, MESH_POINTS), child, tris, width, height);
    matchMeanLab(w.rgb, w.coverage.data, babySkin, 0.85);
    return w;
  });
  const wPix = interpolatePointValues(wA, child, tris, width, height);
  const n = width * height;
  const face = new Float32Array(n * 3);
  const cov = layers[0].coverage.data;
  for (let i = 0; i < n; i++) {
    if (cov[i] <= 0) continue;
    const w = wPix[i];
    for (let c = 0; c < 3; c++) face[i * 3 + c] = layers[0].rgb[i * 3 + c] * w + layers[1].rgb[i * 3 + c] * (1 - w);
  }

  // 3. Infant skin: keep most detail in eyes, brows and lips, little elsewhere (no pores, no
  // lines), and even out the colour: a baby's skin has none of the blotches, tan lines or
  // coloured light an adult selfie carries, so chroma is pulled toward the skin target while
  // lightness (the face's own shading) is kept.
  const regions = regionWeights(childNorm);
  const detailPerPoint = new Float64Array(MESH_POINTS);
  const evenPerPoint = new Float64Array(MESH_POINTS);
  for (let i = 0; i < MESH_POINTS; i++) {
    const feature = Math.min(1, regions.eyes[i] + regions.brows[i] + regions.lips[i]);
    detailPerPoint[i] = 0.3 + 0.65 * regions.eyes[i] + 0.55 * regions.brows[i] + 0.5 * regions.lips[i];
    evenPerPoint[i] = 0.88 * (1 - feature) + 0.4 * regions.lips[i];
  }
  const detail = interpolatePointValues(detailPerPoint, child, tris, width, height);
  const even = interpolatePointValues(evenPerPoint, child, tris, width, height);
  const smooth = blurChannelled(face, width, height, Math.max(1, Math.round(width / 200)));
  for (let i = 0; i < n; i++) {
    if (cov[i] <= 0) continue;
    for (let c = 0; c < 3; c++) face[i * 3 + c] = smooth[i * 3 + c] + detail[i] * (face[i * 3 + c] - smooth[i * 3 + c]);
    if (even[i] > 0) {
      const lab = rgbToLab(face[i * 3], face[i * 3 + 1], face[i * 3 + 2]);
      const k = even[i];
      const out = labToRgb([lab[0], lab[1] + (babySkin[1] - lab[1]) * k, lab[2] + (babySkin[2] - lab[2]) * k]);
      face[i * 3] = out[0]; face[i * 3 + 1] = out[1]; face[i * 3 + 2] = out[2];
    }
  }

  // 4. Iris colour from the inheritance outcome; the lids and pupil keep their own pixels.
  const eyeClass = (t: ParentTraits) => ({ brown: 'brown', hazel: 'green', green: 'green', blue: 'blue', grey: 'blue' } as const)[t.colour.eyeColour.value.category];
  const iris = colourFor(v.eyeColour, A.traits.colour.eyeColour.value.lab, B.traits.colour.eyeColour.value.lab, eyeClass(A.traits), eyeClass(B.traits), TYPICAL_IRIS[v.eyeColour.category]);
  for (const [outer, inner, upper, lower] of [
    [LM.rightEyeOuter, LM.rightEyeInner, LM.rightEyeUpper, LM.rightEyeLower],
    [LM.leftEyeOuter, LM.leftEyeInner, LM.leftEyeUpper, LM.leftEyeLower],
  ] as const) {
    const cx = (child[outer][0] + child[inner][0]) / 2, cy = (child[upper][1] + child[lower][1]) / 2;
    const r = 0.21 * dist(child[outer], child[inner]);
    for (let y = Math.floor(cy - r); y <= Math.ceil(cy + r); y++) {
      for (let x = Math.floor(cx - r); x <= Math.ceil(cx + r); x++) {
        if (x < 0 || y < 0 || x >= width || y >= height) continue;
        const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) / r;
        if (d > 1 || y + 0.5 < child[upper][1] || y + 0.5 > child[lower][1]) continue;
        const i = y * width + x;
        const lab = rgbToLab(face[i * 3], face[i * 3 + 1], face[i * 3 + 2]);
        if (lab[0] > 70 || d < 0.3) continue; // sclera and pupil stay
        const k = Math.min(1, (1 - d) * 4) * 0.85;
        const out = labToRgb([lab[0] * 0.55 + iris[0] * 0.45, lab[1] * (1 - k) + iris[1] * k, lab[2] * (1 - k) + iris[2] * k]);
        face[i * 3] = out[0]; face[i * 3 + 1] = out[1]; face[i * 3 + 2] = out[2];
      }
    }
  }

  // 5. Scene: backdrop gradient, a skin-toned head under the feathered face edge, bonnet, swaddle.
  const scene = SCENES[input.scene];
  const hairClass = (t: ParentTraits) => ({ black: 'dark', 'dark brown': 'dark', brown: 'dark', 'light brown': 'light', blonde: 'light', red: 'red', grey: 'dark' } as const)[t.colour.hairColour.value.category];
  const hair = colourFor(v.hairColour, A.traits.colour.hairColour.value.lab, B.traits.colour.hairColour.value.lab, hairClass(A.traits), hairClass(B.traits), TYPICAL_HAIR[v.hairColour.category]);
  const top = child[LM.foreheadTop], chin = child[LM.chin];
  const faceW = dist(child[LM.faceRight], child[LM.faceLeft]);
  const headCx = (child[LM.faceRight][0] + child[LM.faceLeft][0]) / 2;
  const headCy = (top[1] + chin[1]) / 2 - (chin[1] - top[1]) * 0.06;
  const headRx = faceW * 0.6, headRy = (chin[1] - top[1]) * 0.62;
  // The face fades into the head along its own outline, over the two outermost rings of the
  // mesh: that rim of a parent's face carries hair and background (and, on a turned face,
  // folded triangles whose edge looked torn).
  const rim = interpolatePointValues(Float64Array.from(RING_DEPTH, (d) => RIM_ALPHA[Math.min(d, RIM_ALPHA.length - 1)]), child, tris, width, height);
  const edge = new Float32Array(n);
  for (let i = 0; i < n; i++) edge[i] = cov[i] * rim[i];
  const soft = boxMean(boxMean(edge, width, height, Math.round(width / 90)), width, height, Math.round(width / 90));
  const bg = [labToRgb(scene.top), labToRgb(scene.bottom)];
  // The head under the face edge takes the face's own mean colour, so the seam does not show.
  const faceMean = [0, 0, 0];
  let faceCount = 0;
  for (let i = 0; i < n; i++) {
    if (cov[i] <= 0 || even[i] < 0.5) continue;
    faceMean[0] += face[i * 3]; faceMean[1] += face[i * 3 + 1]; faceMean[2] += face[i * 3 + 2];
    faceCount++;
  }
  const skinRgb = faceCount ? faceMean.map((v) => v / faceCount) : labToRgb(babySkin);
  const hairRgb = labToRgb(hair);
  const bonnetRgb = labToRgb(scene.bonnet);
  const blanketRgb = labToRgb(scene.blanket);
  // The opening's top sits a tenth of the face height below the forehead's top, as the brim did.
  const openingRy = (chin[1] - (top[1] + (chin[1] - top[1]) * 0.1)) / 2 + headRy * 0.12;
  const openingCy = top[1] + (chin[1] - top[1]) * 0.1 + openingRy;
  const out = new Uint8Array(n * 3);
  const bokeh = Array.from({ length: 14 }, () => ({ x: rng.range(0, width), y: rng.range(0, height * 0.6), r: rng.range(width * 0.03, width * 0.08), a: rng.range(0.04, 0.12) }));
  for (let y = 0; y < height; y++) {
    const t = y / (height - 1);
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      let r = bg[0][0] * (1 - t) + bg[1][0] * t, g = bg[0][1] * (1 - t) + bg[1][1] * t, b = bg[0][2] * (1 - t) + bg[1][2] * t;
      for (const k of bokeh) {
        const d = Math.hypot(x - k.x, y - k.y) / k.r;
        if (d < 1) { const a = k.a * (1 - d * d); r += (255 - r) * a; g += (250 - g) * a; b += (235 - b) * a; }
      }
      // Head: skin-toned ellipse with soft shading so the feathered face edge has skin under it.
      const head = ellipseCoverage(x, y, headCx, headCy, headRx, headRy, 0.04);
      if (head > 0) {
        const shade = 1 - 0.18 * Math.min(1, (Math.hypot((x - headCx) / headRx, (y - headCy) / headRy)) ** 3);
        r += (skinRgb[0] * shade - r) * head; g += (skinRgb[1] * shade - g) * head; b += (skinRgb[2] * shade - b) * head;
      }
      const f = soft[i] * edge[i];
      if (f > 0) { r += (face[i * 3] - r) * f; g += (face[i * 3 + 1] - g) * f; b += (face[i * 3 + 2] - b) * f; }
      // Bonnet: covers the crown and sides of the head; its opening is an oval whose top arches
      // over the forehead (a straight brim read as the face cut off). A wisp of the inherited
      // hair colour shows along the top of the opening.
      const opening = ellipseCoverage(x, y, headCx, openingCy, headRx * 0.86, openingRy, 0.05);
      const fringe = head > 0 && y < headCy ? Math.max(0, 1 - Math.abs(opening - 0.5) * 2.5) * 0.45 : 0;
      if (fringe > 0) { r += (hairRgb[0] - r) * fringe; g += (hairRgb[1] - g) * fringe; b += (hairRgb[2] - b) * fringe; }
      const shell = ellipseCoverage(x, y, headCx, headCy - headRy * 0.02, headRx * 1.14, headRy * 1.1, 0.03);
      const cap = y < chin[1] ? shell * (1 - opening) : 0;
      if (cap > 0) {
        // Soft knit: faint ribs and a gentle roll of light across the crown.
        const rib = 0.97 + 0.03 * Math.cos((x - headCx) / (width * 0.01)) - 0.12 * Math.max(0, (y - (headCy - headRy)) / (2 * headRy) - 0.2);
        r += (bonnetRgb[0] * rib - r) * cap; g += (bonnetRgb[1] * rib - g) * cap; b += (bonnetRgb[2] * rib - b) * cap;
      }
      // Swaddle: the blanket's edge runs just under the chin and rises beside the head like
      // a hood; two flaps cross in front with a soft fold shadow.
      const dx = x - headCx;
      const outside = Math.max(0, Math.abs(dx) - faceW * 0.42);
      const edgeY = chin[1] + width * 0.012 - outside * 1.1;
      if (y > edgeY) {
        const a = Math.min(1, (y - edgeY) / (width * 0.006));
        const below = y - chin[1];
        const crossing = Math.abs(below - Math.abs(dx) * 0.7);
        const shadow = 1 - 0.16 * Math.exp(-crossing / (width * 0.01)) * (below > 0 ? 1 : 0);
        const fold = 0.94 + 0.06 * Math.sin((dx * 0.8 + below) / (width * 0.045));
        const k = fold * shadow;
        r += (blanketRgb[0] * k - r) * a; g += (blanketRgb[1] * k - g) * a; b += (blanketRgb[2] * k - b) * a;
      }
      // Gentle vignette and seeded grain.
      const vig = 1 - 0.16 * (((x / width - 0.5) * 2) ** 2 + ((t - 0.45) * 2) ** 2) / 2;
      const grain = (rng.next() - 0.5) * 4;
      out[i * 3] = Math.max(0, Math.min(255, Math.round(r * vig + grain)));
      out[i * 3 + 1] = Math.max(0, Math.min(255, Math.round(g * vig + grain)));
      out[i * 3 + 2] = Math.max(0, Math.min(255, Math.round(b * vig + grain)));
    }
  }
  return {
    image: { width, height, channels: 3, data: out },
    points: child.map(([x, y]) => [x, y, 0]),
    colours: { skin: babySkin, iris, hair },
  };
}
