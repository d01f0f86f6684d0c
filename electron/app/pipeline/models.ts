// The models one portrait pipeline run uses, opened once and shared by every stage (the face
// models for analysis and identity scoring, Real-ESRGAN for upscaling, a diffusion model for
// refine when a real one is installed). Also what the recipe records about them.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultModelsDir, modelSetFromFolder, type ModelSet } from '../../../native/face';
import { SessionCache } from '../../../native/runtime/session';
import type { UpscaleModel } from '../../../native/upscale';

export interface ModelStampEntry {
  id: string;
  sha256: string;
}

export interface PipelineModels {
  modelsDir: string;
  face: ModelSet;
  /** One session cache for every model of the run (face, upscale, diffusion). */
  sessions: SessionCache;
  /** Built Real-ESRGAN file for each variant that is installed. */
  upscalePaths: Partial<Record<UpscaleModel, string>>;
  /** A real (not test-only) diffusion model, or null: refine is skipped without one. */
  diffusion: ModelStampEntry & { path: string } | null;
  /** id → sha256 of every catalog model whose file is present (for recipes). */
  catalog: Map<string, string>;
}

interface CatalogFile {
  models: { id: string; task: string; file: string; sha256: string; testOnly?: boolean }[];
}

function readCatalog(modelsDir: string): CatalogFile {
  const file = path.join(modelsDir, 'catalog.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CatalogFile) : { models: [] };
}

/** Opens (lazily: sessions load on first use) the models in `modelsDir` (default: the repository's models/). */
export function openPipelineModels(modelsDir = defaultModelsDir()): PipelineModels {
  const sessions = new SessionCache();
  const catalog = readCatalog(modelsDir);
  const present = catalog.models.filter((m) => existsSync(path.join(modelsDir, 'onnx', m.file)));
  const upscalePaths: PipelineModels['upscalePaths'] = {};
  for (const variant of ['x4fast', 'x4plus'] as const) {
    const entry = present.find((m) => m.id === `realesrgan-${variant}`);
    if (entry) upscalePaths[variant] = path.join(modelsDir, 'onnx', entry.file);
  }
  // Test-only diffusion models (analytic denoisers) prove the sampler, not a picture: never refine with them.
  const diffusion = present.find((m) => m.task === 'diffusion' && !m.testOnly);
  return {
    modelsDir,
    face: modelSetFromFolder(modelsDir, sessions),
    sessions,
    upscalePaths,
    diffusion: diffusion ? { id: diffusion.id, sha256: diffusion.sha256, path: path.join(modelsDir, 'onnx', diffusion.file) } : null,
    catalog: new Map(present.map((m) => [m.id, m.sha256])),
  };
}

export async function closePipelineModels(models: PipelineModels): Promise<void> {
  await models.sessions.dispose();
}

/** The stamp of the given model ids, in the order given (unknown ids are left out). */
export function modelStamp(models: PipelineModels, ids: readonly string[]): ModelStampEntry[] {
  return ids.filter((id) => models.catalog.has(id)).map((id) => ({ id, sha256: models.catalog.get(id)! }));
}

/** Ids of the face models analysis and identity scoring ran. */
export function faceModelIds(models: PipelineModels): string[] {
  return Object.values(models.face.models).map((m) => m.id);
}
