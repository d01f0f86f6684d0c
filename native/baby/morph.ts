// The child's face shape: both parents' normalised meshes aligned (Procrustes), blended
// per region by the inherited traits, then reshaped toward infant proportions.
import type { Vec2 } from './frame';
import { applyAffine, estimateSimilarity } from '../image/affine';
import { dist } from './frame';
import { LM, MESH_POINTS } from './landmarks';
import type { ShapeTrait, TraitChoice } from './inheritance';

export type InfantAge = 'newborn' | '1y' | '3y';

/**
 * Infant proportions relative to an adult face (unit = adult inter-ocular distance), from
 * the growth literature in round numbers: at birth the eyes are already ~70% of adult size
 * while the face below them is about 60% of adult height, the nose is short and narrow,
 * the jaw small, the cheeks full. Each age moves part of the way back toward the adult.
 */
export const INFANT_PROPORTIONS: Record<InfantAge, { eyeScale: number; lowerFace: number; forehead: number; noseLength: number; noseWidth: number; jawWidth: number; mouthWidth: number; cheekFullness: number }> = {
  newborn: { eyeScale: 1.2, lowerFace: 0.74, forehead: 1.12, noseLength: 0.72, noseWidth: 0.8, jawWidth: 0.84, mouthWidth: 0.8, cheekFullness: 0.1 },
  '1y': { eyeScale: 1.15, lowerFace: 0.8, forehead: 1.09, noseLength: 0.78, noseWidth: 0.84, jawWidth: 0.87, mouthWidth: 0.84, cheekFullness: 0.08 },
  '3y': { eyeScale: 1.1, lowerFace: 0.86, forehead: 1.06, noseLength: 0.85, noseWidth: 0.88, jawWidth: 0.9, mouthWidth: 0.88, cheekFullness: 0.05 },
};

/** Aligns `from` onto `to` with the least-squares similarity transform (rotation, uniform scale, shift). */
export function procrustesAlign(from: readonly Vec2[], to: readonly Vec2[]): Vec2[] {
  const m = estimateSimilarity(from as [number, number][], to.slice(0, from.length) as [number, number][]);
  return from.map(([x, y]) => applyAffine(m, x, y));
}

export type Region = 'eyes' | 'brows' | 'nose' | 'lips' | 'jaw' | 'face';

export const REGION_TRAIT: Record<Region, ShapeTrait> = {
  eyes: 'eyes',
  brows: 'brows',
  nose: 'nose',
  lips: 'lips',
  jaw: 'jaw and chin',
  face: 'face shape',
};

/**
 * Soft region weights per mesh point, from distances to the features in the normalised
 * frame (so no hand-written index lists are needed). Each row sums to 1.
 */
export function regionWeights(mesh: readonly Vec2[]): Record<Region, Float64Array> {
  const at = (i: number): Vec2 => mesh[i];
  const mid = (i: number, j: number): Vec2 => [(mesh[i][0] + mesh[j][0]) / 2, (mesh[i][1] + mesh[j][1]) / 2];
  const eyeR = mid(LM.rightEyeOuter, LM.rightEyeInner), eyeL = mid(LM.leftEyeOuter, LM.leftEyeInner);
  const mouth = mid(LM.mouthRight, LM.mouthLeft);
  const mouthW = dist(at(LM.mouthRight), at(LM.mouthLeft));
  const out = { eyes: new Float64Array(MESH_POINTS), brows: new Float64Array(MESH_POINTS), nose: new Float64Array(MESH_POINTS), lips: new Float64Array(MESH_POINTS), jaw: new Float64Array(MESH_POINTS), face: new Float64Array(MESH_POINTS) };
  const bump = (d: number, r: number): number => Math.exp(-((d / r) ** 2) * 2.5);
  for (let i = 0; i < MESH_POINTS; i++) {
    const p = mesh[i];
    const wEyes = Math.max(bump(dist(p, eyeR), 0.42), bump(dist(p, eyeL), 0.42));
    const wBrows = Math.max(bump(dist(p, at(LM.rightBrowMid)), 0.3), bump(dist(p, at(LM.leftBrowMid)), 0.3)) * (1 - wEyes);
    // The nose is an elongated region: distance to the segment root → subnasale.
    const nr = at(LM.noseRoot), ns = at(LM.subnasale);
    const t = Math.max(0, Math.min(1, ((p[0] - nr[0]) * (ns[0] - nr[0]) + (p[1] - nr[1]) * (ns[1] - nr[1])) / (dist(nr, ns) ** 2 || 1)));
    const wNose = bump(dist(p, [nr[0] + t * (ns[0] - nr[0]), nr[1] + t * (ns[1] - nr[1])]), 0.3) * (1 - wEyes);
    const wLips = bump(dist(p, mouth), 0.6 * mouthW + 0.05);
    const belowMouth = p[1] > mouth[1] ? Math.min(1, (p[1] - mouth[1]) / 0.4) : 0;
    const wJaw = belowMouth * (1 - wLips);
    const raw = [wEyes, wBrows, wNose, wLips, wJaw];
    const sum = raw.reduce((s, x) => s + x, 0);
    const wFace = Math.max(0, 1 - sum);
    const total = sum + wFace;
    out.eyes[i] = wEyes / total;
    out.brows[i] = wBrows / total;
    out.nose[i] = wNose / total;
    out.lips[i] = wLips / total;
    out.jaw[i] = wJaw / total;
    out.face[i] = wFace / total;
  }
  return out;
}

/** Per-point weight of parent A given the trait choices. */
export function pointWeightsA(mesh: readonly Vec2[], choices: Record<ShapeTrait, TraitChoice>): Float64Array {
  const regions = regionWeights(mesh);
  const w = new Float64Array(MESH_POINTS);
  for (const r of Object.keys(regions) as Region[]) {
    const wa = choices[REGION_TRAIT[r]].weightA;
    const rw = regions[r];
    for (let i = 0; i < MESH_POINTS; i++) w[i] += rw[i] * wa;
  }
  return w;
}

/** Blends two normalised parent meshes (468 points) point by point after aligning B onto A. */
export function blendMeshes(a: readonly Vec2[], b: readonly Vec2[], weightA: Float64Array): Vec2[] {
  const aa = a.slice(0, MESH_POINTS);
  const bb = procrustesAlign(b.slice(0, MESH_POINTS), aa);
  return aa.map((p, i) => [weightA[i] * p[0] + (1 - weightA[i]) * bb[i][0], weightA[i] * p[1] + (1 - weightA[i]) * bb[i][1]]);
}

/**
 * Inner-lip landmark pairs (upper, lower) of the MediaPipe topology, from the right mouth
 * corner to the left. Babies in portraits have closed mouths; a parent's smile would give
 * the child adult teeth, so the morph closes the lips by meeting each pair in the middle.
 */
export const INNER_LIP_PAIRS: readonly [number, number][] = [
  [191, 95], [80, 88], [81, 178], [82, 87], [13, 14], [312, 317], [311, 402], [310, 318], [415, 324],
];

export function closeMouth(mesh: readonly Vec2[]): Vec2[] {
  const out = mesh.map((p) => [p[0], p[1]] as Vec2);
  for (const [u, l] of INNER_LIP_PAIRS) {
    const y = (mesh[u][1] + mesh[l][1]) / 2;
    const x = (mesh[u][0] + mesh[l][0]) / 2;
    out[u] = [x, y];
    out[l] = [x, y];
  }
  return out;
}

/** Reshapes an adult-proportioned normalised mesh toward an infant's. Pure geometry. */
export function infantTransform(mesh: readonly Vec2[], age: InfantAge): Vec2[] {
  const k = INFANT_PROPORTIONS[age];
  const regions = regionWeights(mesh);
  const at = (i: number): Vec2 => mesh[i];
  const eyeR: Vec2 = [(at(LM.rightEyeOuter)[0] + at(LM.rightEyeInner)[0]) / 2, (at(LM.rightEyeOuter)[1] + at(LM.rightEyeInner)[1]) / 2];
  const eyeL: Vec2 = [(at(LM.leftEyeOuter)[0] + at(LM.leftEyeInner)[0]) / 2, (at(LM.leftEyeOuter)[1] + at(LM.leftEyeInner)[1]) / 2];
  const noseRoot = at(LM.noseRoot);
  const mouthY = (at(LM.mouthRight)[1] + at(LM.mouthLeft)[1]) / 2;
  const cheekY = (at(LM.cheekRight)[1] + at(LM.cheekLeft)[1]) / 2;
  return closeMouth(mesh.slice(0, MESH_POINTS)).map((p, i) => {
    let [x, y] = p;
    // Eyes larger, about their own centres.
    const eyeC = x < 0 ? eyeR : eyeL;
    const we = regions.eyes[i];
    x += we * (k.eyeScale - 1) * (x - eyeC[0]);
    y += we * (k.eyeScale - 1) * (y - eyeC[1]);
    // Nose shorter and narrower, about its root.
    const wn = regions.nose[i];
    x += wn * (k.noseWidth - 1) * (x - noseRoot[0]);
    y += wn * (k.noseLength - 1) * (y - noseRoot[1]);
    // Mouth narrower.
    x *= 1 + regions.lips[i] * (k.mouthWidth - 1);
    // Jaw and chin smaller: narrower below the mouth line.
    if (y > mouthY) x *= 1 + Math.min(1, (y - mouthY) / 0.5) * (k.jawWidth - 1);
    // Fuller, rounder cheeks around the cheek line.
    const cheek = Math.exp(-(((y - cheekY) / 0.45) ** 2));
    x *= 1 + k.cheekFullness * cheek * Math.min(1, Math.abs(x) / 0.9);
    // Below the eyes the face is shorter; above, the forehead is relatively taller: the
    // eyes end up lower on the head.
    y = y > 0 ? y * k.lowerFace : y * k.forehead;
    return [x, y] as Vec2;
  });
}
