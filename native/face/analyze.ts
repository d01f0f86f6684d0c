// analyzePhoto: every face in a photo with its box, 478 points, pose, quality advice and identity
// embedding. The verb the rest of Pairlight calls; each stage lives in its own module.
import type { Image8 } from '../image/types';
import { buildPyramid, type Pyramid } from '../image/pyramid';
import type { Box, FaceAnalysis, PhotoAnalysis, Point3 } from './types';
import { detectFaces, type Detection, type DetectOptions } from './detect';
import { meshFace } from './mesh';
import { irisPoints } from './iris';
import { headPose } from './pose';
import { faceQuality, meshBox, severalFacesAdvice } from './quality';
import { embedFace } from './embed';
import { hasModel, type FaceModelRole, type ModelSet } from './models';

/** Milliseconds spent per stage, summed over faces (filled in when passed). */
export interface StageTimings {
  detect: number;
  mesh: number;
  iris: number;
  embed: number;
  quality: number;
}

export interface AnalyzeOptions {
  models: ModelSet;
  detect?: DetectOptions;
  /** Mesh passes: 1 = detector crop only; 2 (default) adds the refinement on the mesh's own crop. */
  meshPasses?: number;
  /** Below this mesh face score a detection is dropped as not a face. */
  minFaceScore?: number;
  /** Below this detection score × mesh face score a detection is dropped as not a face. */
  minTrust?: number;
  /** Skip the embedding (e.g. a preview that only needs the mesh). */
  embed?: boolean;
  timings?: StageTimings;
  /** Reuse a pyramid built by the caller (the matte needs one too). */
  pyramid?: Pyramid;
}

/** Intersection area over the smaller box's area: 1 when one box contains the other. */
export function overlapOfSmaller(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const smaller = Math.min(a.width * a.height, b.width * b.height);
  return smaller > 0 ? (ix * iy) / smaller : 0;
}

export function emptyTimings(): StageTimings {
  return { detect: 0, mesh: 0, iris: 0, embed: 0, quality: 0 };
}

function modelStamp(models: ModelSet, roles: FaceModelRole[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of roles) {
    const m = models.models[r];
    if (m) out[m.id] = m.sha256;
  }
  return out;
}

/**
 * Either model alone is fooled now and then: a plaid shirt drew a detection of 0.58 whose mesh
 * the mesh model scored 0.87. Their product separates: every face in the test photos (group
 * photos, dark, blurred, tiny and turned selfies) scores 0.80 or more; the shirt 0.50.
 */
export const MIN_TRUST = 0.6;

async function meshAll(detections: Detection[], models: ModelSet, pyramid: Pyramid, opts: AnalyzeOptions, t: StageTimings): Promise<{ points: Point3[]; score: number }[]> {
  const minFaceScore = opts.minFaceScore ?? 0.5;
  const minTrust = opts.minTrust ?? MIN_TRUST;
  const candidates: { points: Point3[]; score: number; trust: number }[] = [];
  for (const det of detections) {
    const t0 = performance.now();
    const m = await meshFace(models, pyramid, det, opts.meshPasses ?? 2);
    t.mesh += performance.now() - t0;
    const trust = det.score * m.faceScore;
    if (m.faceScore >= minFaceScore && trust >= minTrust) candidates.push({ points: m.points, score: det.score, trust });
  }
  // Two detections of one face (a tile holding part of it and the whole photo, or a loose box
  // around a tilted head) give overlapping meshes; a mesh mostly inside another is the same face.
  // The more trusted one stays: a loose box can yield a misplaced mesh the mesh model still
  // scores 0.97, while the tight box's detection scores higher (sample1's tilted head: 0.72 vs 0.96).
  candidates.sort((a, b) => b.trust - a.trust);
  const meshes: { points: Point3[]; score: number }[] = [];
  for (const c of candidates) {
    const box = meshBox(c.points);
    if (!meshes.some((o) => overlapOfSmaller(box, meshBox(o.points)) > 0.5)) meshes.push({ points: c.points, score: c.score });
  }
  return meshes;
}

export async function analyzePhoto(image: Image8, opts: AnalyzeOptions): Promise<PhotoAnalysis> {
  const t = opts.timings ?? emptyTimings();
  const { models } = opts;
  const pyramid = opts.pyramid ?? buildPyramid(image);
  let t0 = performance.now();
  const detections = await detectFaces(models, pyramid, opts.detect);
  t.detect += performance.now() - t0;
  const meshes = await meshAll(detections, models, pyramid, opts, t);

  const stamp = modelStamp(models, ['detectShort', 'detectFull', 'mesh', 'iris', 'embed']);
  const faces: FaceAnalysis[] = [];
  for (const m of meshes) {
    let points = m.points;
    if (hasModel(models, 'iris')) {
      t0 = performance.now();
      points = points.concat(await irisPoints(models, pyramid, points));
      t.iris += performance.now() - t0;
    }
    t0 = performance.now();
    const pose = headPose(points);
    const quality = faceQuality(image, points, pose);
    t.quality += performance.now() - t0;
    let embedding: Float32Array = new Float32Array(0);
    if (opts.embed !== false && hasModel(models, 'embed')) {
      t0 = performance.now();
      embedding = await embedFace(models, pyramid, points);
      t.embed += performance.now() - t0;
    }
    faces.push({ box: meshBox(points, 0, 468), score: m.score, points, pose, quality, embedding, models: stamp });
  }
  faces.sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
  if (faces.length > 1) for (const f of faces) f.quality.push(severalFacesAdvice(faces.length));
  return { width: image.width, height: image.height, faces };
}
