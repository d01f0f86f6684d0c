// Reads models/catalog.json (validated) and answers where a built model lives and whether
// the file there is the one the catalog describes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Catalog, CatalogEntry } from './catalog-types';

const modelsDir = path.dirname(fileURLToPath(import.meta.url));

/** models/catalog.json in the source tree. */
export const CATALOG_PATH = path.join(modelsDir, 'catalog.json');

/** Where `npm run models` writes the .onnx files; PAIRLIGHT_BUILT_MODELS_DIR overrides (packaged app, tests). */
export function builtModelsDir(): string {
  return process.env.PAIRLIGHT_BUILT_MODELS_DIR ?? path.join(modelsDir, 'onnx');
}

const tensorSchema = z.object({
  name: z.string().min(1),
  shape: z.array(z.union([z.number().int(), z.string().min(1)])),
  layout: z.enum(['NHWC', 'NCHW', 'NC', 'other']),
  dtype: z.enum(['float32', 'int64']),
  range: z.tuple([z.number(), z.number()]).optional(),
  description: z.string().optional(),
});

export const catalogEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/),
  task: z.enum(['face-detect', 'face-mesh', 'iris', 'segmentation', 'face-embedding', 'face-attributes', 'upscale', 'diffusion']),
  title: z.string().min(1),
  file: z.string().regex(/^[A-Za-z0-9._-]+\.onnx$/, 'a bare file name ending in .onnx'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive(),
  io: z.object({ inputs: z.array(tensorSchema).min(1), outputs: z.array(tensorSchema).min(1), preprocessing: z.string() }),
  provenance: z.object({
    upstream: z.string(),
    weightsLicence: z.string().min(1),
    npmPackage: z.string(),
    npmVersion: z.string(),
    packageLicence: z.string(),
    sourceFormat: z.enum(['tfjs-graph', 'ncnn', 'onnx']),
  }),
  verification: z
    .object({
      reference: z.string(),
      maxAbsError: z.number().nonnegative(),
      outputRange: z.number().nonnegative(),
      inputs: z.string(),
      measuredAt: z.string(),
    })
    .nullable(),
  testOnly: z.boolean().optional(),
});

export const catalogSchema = z.object({ version: z.literal(1), models: z.array(catalogEntrySchema) }).superRefine((c, ctx) => {
  const seen = new Set<string>();
  for (const m of c.models) {
    if (seen.has(m.id)) ctx.addIssue({ code: 'custom', message: `model id ${m.id} appears twice` });
    seen.add(m.id);
  }
});

/** Validates catalog JSON text; the error names the field that is wrong. */
export function parseCatalog(text: string, source = 'catalog.json'): Catalog {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`${source} is not valid JSON: ${(err as Error).message}`);
  }
  const r = catalogSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`${source} is invalid at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return r.data as Catalog;
}

let cached: { mtimeMs: number; catalog: Catalog } | null = null;

export function loadCatalog(file: string = CATALOG_PATH): Catalog {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) throw new Error(`The model catalog ${file} is missing; it is part of the source tree, restore it from git`);
  if (file === CATALOG_PATH && cached && cached.mtimeMs === stat.mtimeMs) return cached.catalog;
  const catalog = parseCatalog(fs.readFileSync(file, 'utf8'), file);
  if (file === CATALOG_PATH) cached = { mtimeMs: stat.mtimeMs, catalog };
  return catalog;
}

export function catalogEntry(id: string, catalog: Catalog = loadCatalog()): CatalogEntry {
  const e = catalog.models.find((m) => m.id === id);
  if (!e) throw new Error(`No model "${id}" in the catalog. Known: ${catalog.models.map((m) => m.id).join(', ')}`);
  return e;
}

export function modelPath(id: string, catalog: Catalog = loadCatalog()): string {
  return path.join(builtModelsDir(), catalogEntry(id, catalog).file);
}

export interface BuiltModelStatus {
  id: string;
  path: string;
  /** The file exists and its size and sha256 match the catalog. */
  installed: boolean;
  /** Why not, in words that say what to do. */
  problem?: string;
}

export function sha256OfFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = crypto.createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => h.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

/** Checks the built file of a catalog model: present, right size, right sha256. */
export async function verifyBuiltModel(id: string, catalog: Catalog = loadCatalog()): Promise<BuiltModelStatus> {
  const entry = catalogEntry(id, catalog);
  const file = path.join(builtModelsDir(), entry.file);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) return { id, path: file, installed: false, problem: `${entry.file} is not built; run npm run models` };
  if (stat.size !== entry.bytes) {
    return { id, path: file, installed: false, problem: `${entry.file} has ${stat.size} bytes, the catalog says ${entry.bytes}; run npm run models to rebuild it` };
  }
  const sha = await sha256OfFile(file);
  if (sha !== entry.sha256) {
    return { id, path: file, installed: false, problem: `${entry.file} has sha256 ${sha.slice(0, 12)}…, the catalog says ${entry.sha256.slice(0, 12)}…; run npm run models to rebuild it` };
  }
  return { id, path: file, installed: true };
}
