// The baby generator as one verb: two parent photos in, N seeded variations out, each with
// its portrait, the traits it inherited and how much it resembles each parent.
import type { Image8, Mask } from '../image/types';
import type { FaceAnalysis } from '../face/types';
import { decodeImage } from '../image/decode';
import { buildPyramid } from '../image/pyramid';
import { analyzePhoto } from '../face/analyze';
import { embedFace } from '../face/embed';
import { identitySimilarity } from '../face/similarity';
import { personMatte } from '../matte/matte';
import type { ModelSet } from '../face/models';
import { createRng, hashString } from '../random/prng';
import { analyseParent, TraitError, type ParentTraits } from './traits';
import { makeVariation, type Variation } from './inheritance';
import type { BabyParent, BabyScene } from './portrait';
import { callOp } from '../offload/client';
import type { InfantAge } from './morph';
import { traitReport, type TraitReport } from './report';

export interface ParentPhoto {
  /** A path or the file's bytes. */
  source: string | Uint8Array;
  /** Which face to use when the photo has several (index into faces sorted by size); default the largest. */
  faceIndex?: number;
}

export interface BabyOptions {
  models: ModelSet;
  age: InfantAge;
  variations: number;
  /** Parent A's share of the resemblance, 0..1 (0.5 balanced). */
  shareA: number;
  /** Base seed; variation k uses a seed derived from it. */
  seed: number;
  scene?: BabyScene;
  width?: number;
  height?: number;
  onProgress?: (done: number, total: number, message: string) => void;
  signal?: AbortSignal;
}

export interface AnalysedParent {
  photo: Image8;
  sha256: string;
  face: FaceAnalysis;
  matte: Mask;
  traits: ParentTraits;
}

export interface BabyResult {
  seed: number;
  variation: Variation;
  image: Image8;
  points: [number, number, number][];
  /** Cosine similarity of the baby's face embedding to each parent's. */
  resemblance: { a: number; b: number };
  report: TraitReport;
}

/**
 * How much a baby portrait looks like each parent: the embedding of its face (aligned by the
 * landmarks the portrait was drawn with, so measured on the output pixels) against each parent's.
 */
export async function measureResemblance(image: Image8, points: readonly [number, number, number][], models: ModelSet, parents: readonly [ArrayLike<number>, ArrayLike<number>]): Promise<{ a: number; b: number }> {
  const embedding = await embedFace(models, buildPyramid(image), points);
  return { a: identitySimilarity(embedding, parents[0]), b: identitySimilarity(embedding, parents[1]) };
}

/** Variation seeds: stable, distinct and independent of how many variations are asked for. */
export function variationSeed(baseSeed: number, index: number): number {
  return (hashString(`baby:${baseSeed}:${index}`) ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
}

export async function analyseParentPhoto(p: ParentPhoto, models: ModelSet, label: string): Promise<AnalysedParent> {
  const decoded = await decodeImage(p.source);
  const pyramid = buildPyramid(decoded.image);
  const analysis = await analyzePhoto(decoded.image, { models, pyramid });
  const face = analysis.faces[p.faceIndex ?? 0];
  if (!face) {
    throw new TraitError(`No face was found in the photo of ${label}. Use a clear, front-facing photo where the whole face is visible.`);
  }
  const blocker = face.quality.find((q) => q.severity === 'blocker');
  if (blocker) throw new TraitError(`The photo of ${label} cannot be used: ${blocker.message}`);
  const matte = await personMatte(decoded.image, { models, pyramid });
  return { photo: decoded.image, sha256: decoded.sha256, face, matte, traits: analyseParent(decoded.image, face, matte) };
}

export async function generateBabies(a: AnalysedParent, b: AnalysedParent, opts: BabyOptions): Promise<BabyResult[]> {
  if (!Number.isInteger(opts.variations) || opts.variations < 1 || opts.variations > 12) {
    throw new RangeError(`variations must be a whole number from 1 to 12, got ${opts.variations}`);
  }
  const results: BabyResult[] = [];
  const parents = await Promise.all([a, b].map((p) => callOp('prepareBabyParent', { photo: p.photo, face: p.face, traits: p.traits }))) as [BabyParent, BabyParent];
  for (let k = 0; k < opts.variations; k++) {
    if (opts.signal?.aborted) throw opts.signal.reason ?? new Error('cancelled');
    const seed = variationSeed(opts.seed, k);
    const variation = makeVariation(a.traits, b.traits, opts.shareA, createRng(seed), seed);
    // On the pixel worker: a portrait is ~0.7 s of pixel work that would hold this thread.
    const portrait = await callOp('babyPortrait', {
      parents,
      variation,
      age: opts.age,
      scene: opts.scene ?? 'nursery',
      width: opts.width,
      height: opts.height,
    });
    const resemblance = await measureResemblance(portrait.image, portrait.points, opts.models, [a.face.embedding, b.face.embedding]);
    results.push({ seed, variation, image: portrait.image, points: portrait.points, resemblance, report: traitReport(a.traits, b.traits, variation, resemblance) });
    opts.onProgress?.(k + 1, opts.variations, `Variation ${k + 1} of ${opts.variations}`);
  }
  return results;
}
