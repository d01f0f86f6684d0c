// Which ONNX files face analysis uses, and one place that opens them (through the shared
// SessionCache) and runs them. Model ids are those of models/catalog.json.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { SessionCache, type LoadedSession } from '../runtime/session';
import { FaceAnalysisError } from './errors';

export type FaceModelRole = 'detectShort' | 'detectFull' | 'mesh' | 'iris' | 'embed' | 'segment';

export const DEFAULT_MODEL_IDS: Record<FaceModelRole, string> = {
  detectShort: 'blazeface-short',
  detectFull: 'blazeface-full',
  mesh: 'facemesh',
  iris: 'iris',
  embed: 'faceres',
  segment: 'selfie',
};

export interface ModelRef {
  id: string;
  path: string;
  /** From the catalog when known, to record which model produced an analysis. */
  sha256: string;
}

export interface ModelSet {
  cache: SessionCache;
  models: Partial<Record<FaceModelRole, ModelRef>>;
}

interface CatalogLike {
  models: { id: string; file: string; sha256: string }[];
}

/**
 * Builds a ModelSet from a models folder holding catalog.json and onnx/. Roles whose file is
 * missing are left out: analysis then skips that stage (iris, embedding, matte) or fails with
 * MODEL_MISSING when it cannot do without it (detector, mesh).
 */
export function modelSetFromFolder(modelsDir: string, cache = new SessionCache(), ids: Partial<Record<FaceModelRole, string>> = {}): ModelSet {
  let catalog: CatalogLike = { models: [] };
  const catalogPath = path.join(modelsDir, 'catalog.json');
  if (existsSync(catalogPath)) catalog = JSON.parse(readFileSync(catalogPath, 'utf8')) as CatalogLike;
  const models: ModelSet['models'] = {};
  for (const role of Object.keys(DEFAULT_MODEL_IDS) as FaceModelRole[]) {
    const id = ids[role] ?? DEFAULT_MODEL_IDS[role];
    const entry = catalog.models.find((m) => m.id === id);
    const file = path.join(modelsDir, 'onnx', entry?.file ?? `${id}.onnx`);
    if (existsSync(file)) models[role] = { id, path: file, sha256: entry?.sha256 ?? '' };
  }
  return { cache, models };
}

/** The repository's own models folder (…/models next to native/). */
export function defaultModelsDir(): string {
  return path.resolve(import.meta.dirname, '..', '..', 'models');
}

export function hasModel(set: ModelSet, role: FaceModelRole): boolean {
  return !!set.models[role];
}

export async function sessionFor(set: ModelSet, role: FaceModelRole): Promise<LoadedSession> {
  const ref = set.models[role];
  if (!ref) {
    throw new FaceAnalysisError('MODEL_MISSING', `The ${DEFAULT_MODEL_IDS[role]} model is not installed, so faces cannot be analysed. Run "npm run models" (or reinstall Pairlight) and try again.`);
  }
  return set.cache.get(ref.path);
}

/** Runs a single-input model on an NHWC float tensor and returns its outputs by name, in graph order. */
export async function runModel(set: ModelSet, role: FaceModelRole, data: Float32Array, dims: number[]): Promise<Float32Array[]> {
  const { session } = await sessionFor(set, role);
  const feeds: Record<string, ort.Tensor> = { [session.inputNames[0]]: new ort.Tensor('float32', data, dims) };
  const res = await session.run(feeds);
  return session.outputNames.map((n) => res[n].data as Float32Array);
}

/** Output shapes by name, for the few models whose outputs must be told apart by size. */
export async function outputDims(set: ModelSet, role: FaceModelRole, data: Float32Array, dims: number[]): Promise<{ data: Float32Array; dims: readonly number[] }[]> {
  const { session } = await sessionFor(set, role);
  const res = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', data, dims) });
  return session.outputNames.map((n) => ({ data: res[n].data as Float32Array, dims: res[n].dims }));
}
