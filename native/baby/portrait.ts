// The infant portrait: both parents' face textures warped onto the child's mesh through a
// triangulation, blended per region by the inherited traits, given infant skin and the
// inherited iris colour, then set in a simple newborn-photo scene (bonnet and swaddle), so
// no adult hair, ears or neck are pasted onto a baby face.
import type { Image8 } from '../image/types';
import type { FaceAnalysis } from '../face/types';
import { boxMean } from '../image/blur';
import { labToRgb, rgbToLab, type Lab } from '../colour/lab';
import { delaunay, type Triangle } from '../geometry/delaunay';
import { interpolatePointValues, warpTriangles } from '../geometry/triangle-warp';
import { createRng, type Rng } from '../random/prng';
import { dist, type Vec2 } from './frame';
import { blendMeshes, infantTransform, pointWeightsA, regionWeights, type InfantAge } from './morph';
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

/** Places the child's normalised mesh in the portrait: eyes at 42% height, IOD = 21% of the width. */
function placeMesh(mesh: readonly Vec2[], width: number, height: number): Vec2[] {
  const iod = width * 0.21;
  const ox = width / 2, oy = height * 0.42;
  return mesh.map(([x, y]) => [ox + x * iod, oy + y * iod]);
}

/** Drops triangles spanning concave gaps of the face outline (Delaunay fills the convex hull). */
function faceTriangles(pts: readonly Vec2[]): Triangle[] {
  const iod = dist(pts[LM.rightEyeInner], pts[LM.leftEyeInner]) * 2;
  return delaunay(pts).filter(([a, b, c]) => Math.max(dist(pts[a], pts[b]), dist(pts[b], pts[c]), dist(pts[c], pts[a])) < iod * 0.9);
}

function ellipseCoverage(x: number, y: number, cx: number, cy: number, rx: number, ry: number, feather: number): number {
  const d = Math.sqrt(((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2);
  return Math.max(0, Math.min(1, (1 - d) / feather));
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
  const tris = faceTriangles(child);

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

  // 3. Infant skin: keep most detail in eyes, brows and lips, little elsewhere (no pores, no lines).
  const regions = regionWeights(childNorm);
  const detailPerPoint = new Float64Array(MESH_POINTS);
  for (let i = 0; i < MESH_POINTS; i++) detailPerPoint[i] = 0.25 + 0.7 * regions.eyes[i] + 0.55 * regions.brows[i] + 0.5 * regions.lips[i];
  const detail = interpolatePointValues(detailPerPoint, child, tris, width, height);
  const smooth = blurChannelled(face, width, height, Math.max(1, Math.round(width / 160)));
  for (let i = 0; i < n; i++) {
    if (cov[i] <= 0) continue;
    for (let c = 0; c < 3; c++) face[i * 3 + c] = smooth[i * 3 + c] + detail[i] * (face[i * 3 + c] - smooth[i * 3 + c]);
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
  const edge = new Float32Array(n);
  for (let i = 0; i < n; i++) edge[i] = cov[i];
  const soft = boxMean(boxMean(edge, width, height, Math.round(width / 90)), width, height, Math.round(width / 90));
  const bg = [labToRgb(scene.top), labToRgb(scene.bottom)];
  const skinRgb = labToRgb(babySkin);
  const hairRgb = labToRgb(hair);
  const bonnetRgb = labToRgb(scene.bonnet);
  const blanketRgb = labToRgb(scene.blanket);
  const bonnetLine = top[1] + (chin[1] - top[1]) * 0.1;
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
      const f = soft[i] * cov[i] + (cov[i] > 0 ? 0 : 0);
      if (f > 0) { r += (face[i * 3] - r) * f; g += (face[i * 3 + 1] - g) * f; b += (face[i * 3 + 2] - b) * f; }
      // A fringe of the inherited hair colour just under the bonnet.
      const fringe = head > 0 && y > bonnetLine - width * 0.012 && y < bonnetLine + width * 0.02 ? Math.max(0, 1 - Math.abs(y - bonnetLine) / (width * 0.02)) * 0.85 : 0;
      if (fringe > 0) { r += (hairRgb[0] - r) * fringe; g += (hairRgb[1] - g) * fringe; b += (hairRgb[2] - b) * fringe; }
      // Bonnet: covers the crown and sides of the head down to the forehead line, knitted ribs.
      const bonnet = ellipseCoverage(x, y, headCx, headCy - headRy * 0.05, headRx * 1.12, headRy * 1.1, 0.03) * (y < bonnetLine ? 1 : Math.max(0, 1 - (y - bonnetLine) / (width * 0.01)));
      const sideBand = ellipseCoverage(x, y, headCx, headCy, headRx * 1.14, headRy * 1.08, 0.03) * (1 - ellipseCoverage(x, y, headCx, headCy + headRy * 0.05, headRx * 0.86, headRy * 0.98, 0.05));
      const cap = Math.max(bonnet, y < chin[1] ? sideBand : 0);
      if (cap > 0) {
        const rib = 0.93 + 0.07 * Math.cos((x - headCx) / (width * 0.006));
        r += (bonnetRgb[0] * rib - r) * cap; g += (bonnetRgb[1] * rib - g) * cap; b += (bonnetRgb[2] * rib - b) * cap;
      }
      // Swaddle: a soft blanket from just under the chin, with gentle folds.
      const swaddleTop = chin[1] - (chin[1] - top[1]) * 0.04 + Math.abs(x - headCx) * 0.35;
      if (y > swaddleTop) {
        const a = Math.min(1, (y - swaddleTop) / (width * 0.01));
        const fold = 0.9 + 0.1 * Math.sin((x + y * 0.6) / (width * 0.035));
        r += (blanketRgb[0] * fold - r) * a; g += (blanketRgb[1] * fold - g) * a; b += (blanketRgb[2] * fold - b) * a;
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
