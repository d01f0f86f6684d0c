// `npm run models`: converts every recipe into models/onnx/<id>.onnx and checks each file
// against models/catalog.json. A stamp (source file hashes + converter source hash) makes a
// re-run with nothing changed take milliseconds.
//   --update-catalog   rewrite catalog.json from the recipes and the measured sha256/bytes
//   --verify           also run each model against its reference and record the error
//   --only a,b         restrict to some model ids      --force   ignore the stamp
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Catalog, CatalogEntry, ModelVerification } from './catalog-types';
import { CATALOG_PATH, builtModelsDir, parseCatalog } from './catalog';
import { packageDir } from './recipes/package-dir';
import type { ModelRecipe } from './recipes/types';

const modelsDir = path.dirname(fileURLToPath(import.meta.url));

export interface BuildOptions {
  recipes: readonly ModelRecipe[];
  outDir: string;
  catalogPath: string;
  stampPath: string;
  updateCatalog?: boolean;
  verify?: boolean;
  force?: boolean;
  /** Hash of the converter sources; part of every stamp key. */
  converterHash?: string;
  /** Where a recipe's sourceFiles live (default: its npm package folder). */
  sourceDirOf?: (recipe: ModelRecipe) => string;
  log?: (line: string) => void;
}

export interface BuiltModel {
  id: string;
  file: string;
  sha256: string;
  bytes: number;
  /** false when the stamp showed nothing changed. */
  converted: boolean;
  ms: number;
  verification?: ModelVerification;
}

export interface BuildReport {
  built: BuiltModel[];
  /** One sentence per problem, each naming the model. Empty means success. */
  failures: string[];
  catalogWritten: boolean;
}

interface StampEntry {
  key: string;
  sha256: string;
  bytes: number;
  /** mtime of the written file: unchanged size and mtime let a re-run skip re-hashing it. */
  mtimeMs?: number;
}

/** Writes a file so readers see the old or the new content, never half of it. */
export function writeFileAtomic(file: string, data: Uint8Array | string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

export function sha256(data: Uint8Array | string): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? listFiles(p) : d.name.endsWith('.ts') ? [p] : [];
  });
}

/** One hash over the code that turns sources into ONNX bytes: converters, graph builder, recipes. */
export function converterSourceHash(): string {
  const files = [...listFiles(path.join(modelsDir, 'convert')), ...listFiles(path.join(modelsDir, 'recipes'))].sort();
  const h = crypto.createHash('sha256');
  for (const f of files) {
    h.update(path.relative(modelsDir, f).split(path.sep).join('/'));
    h.update('\0');
    h.update(fs.readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}

function readJson<T>(file: string, fallback: T): T {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return fallback;
  }
}

function sourceKey(recipe: ModelRecipe, dir: string, converterHash: string): string {
  const h = crypto.createHash('sha256').update(`${recipe.id}\0${converterHash}\0`);
  for (const rel of recipe.sourceFiles) {
    const file = path.join(dir, rel);
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
      throw new Error(`${recipe.id}: source file ${file} is missing or unreadable (${code}); run npm install to restore ${recipe.provenance.npmPackage}@${recipe.provenance.npmVersion}`);
    }
    h.update(rel).update('\0').update(sha256(bytes)).update('\0');
  }
  return h.digest('hex');
}

function catalogEntryFor(recipe: ModelRecipe, built: BuiltModel, previous: CatalogEntry | undefined): CatalogEntry {
  const keepOld = previous && previous.sha256 === built.sha256 ? previous.verification : null;
  return {
    id: recipe.id,
    task: recipe.task,
    title: recipe.title,
    file: built.file,
    sha256: built.sha256,
    bytes: built.bytes,
    io: recipe.io,
    provenance: recipe.provenance,
    verification: built.verification ?? keepOld ?? null,
  };
}

/** The tolerance the tests hold every model to: 1e-3 of the reference output's range. */
export function withinTolerance(v: ModelVerification): boolean {
  return v.maxAbsError <= 1e-3 * Math.max(v.outputRange, 1e-6);
}

export async function buildModels(opts: BuildOptions): Promise<BuildReport> {
  const log = opts.log ?? (() => {});
  const converterHash = opts.converterHash ?? converterSourceHash();
  const stamp = readJson<Record<string, StampEntry>>(opts.stampPath, {});
  let catalog: Catalog | null = null;
  if (fs.existsSync(opts.catalogPath)) catalog = parseCatalog(fs.readFileSync(opts.catalogPath, 'utf8'), opts.catalogPath);
  else if (!opts.updateCatalog) throw new Error(`${opts.catalogPath} is missing; restore it from git or run with --update-catalog`);

  const failures: string[] = [];
  const built: BuiltModel[] = [];
  for (const recipe of opts.recipes) {
    const t0 = performance.now();
    const file = `${recipe.id}.onnx`;
    const out = path.join(opts.outDir, file);
    try {
      const dir = opts.sourceDirOf ? opts.sourceDirOf(recipe) : packageDir(recipe.provenance.npmPackage, recipe.provenance.npmVersion);
      const key = sourceKey(recipe, dir, converterHash);
      const prev = stamp[recipe.id];
      let result: BuiltModel | null = null;
      const stat = fs.statSync(out, { throwIfNoEntry: false });
      if (!opts.force && prev?.key === key && stat && stat.size === prev.bytes) {
        const untouched = prev.mtimeMs === stat.mtimeMs;
        if (untouched || sha256(fs.readFileSync(out)) === prev.sha256) {
          result = { id: recipe.id, file, sha256: prev.sha256, bytes: prev.bytes, converted: false, ms: 0 };
          if (!untouched) {
            stamp[recipe.id] = { ...prev, mtimeMs: stat.mtimeMs };
            writeFileAtomic(opts.stampPath, `${JSON.stringify(stamp, null, 2)}\n`);
          }
        }
      }
      if (!result) {
        const bytes = await recipe.convert();
        writeFileAtomic(out, bytes);
        result = { id: recipe.id, file, sha256: sha256(bytes), bytes: bytes.byteLength, converted: true, ms: 0 };
        stamp[recipe.id] = { key, sha256: result.sha256, bytes: result.bytes, mtimeMs: fs.statSync(out).mtimeMs };
        writeFileAtomic(opts.stampPath, `${JSON.stringify(stamp, null, 2)}\n`);
      }
      if (opts.verify) {
        const tv = performance.now();
        result.verification = await recipe.verify(out);
        const v = result.verification;
        log(`  ${recipe.id}: max abs error ${v.maxAbsError.toExponential(2)} over output range ${v.outputRange.toPrecision(4)} (${((performance.now() - tv) / 1000).toFixed(1)} s)`);
        if (!withinTolerance(v)) failures.push(`${recipe.id}: max abs error ${v.maxAbsError} exceeds 1e-3 of the output range ${v.outputRange}`);
      }
      result.ms = performance.now() - t0;
      built.push(result);
      const entry = catalog?.models.find((m) => m.id === recipe.id);
      if (!opts.updateCatalog) {
        if (!entry) failures.push(`${recipe.id}: not in ${path.basename(opts.catalogPath)}; run npm run models -- --update-catalog --verify and commit the catalog`);
        else if (entry.sha256 !== result.sha256 || entry.bytes !== result.bytes) {
          failures.push(
            `${recipe.id}: built ${file} (sha256 ${result.sha256.slice(0, 16)}…, ${result.bytes} bytes) differs from the catalog (sha256 ${entry.sha256.slice(0, 16)}…, ${entry.bytes} bytes); ` +
              'the source package or the converter changed. If that is intended, run npm run models -- --update-catalog --verify',
          );
        }
      }
      log(`${result.converted ? 'built ' : 'fresh '} ${recipe.id.padEnd(20)} ${(result.bytes / 1e6).toFixed(2).padStart(7)} MB  ${result.sha256.slice(0, 12)}  ${(result.ms / 1000).toFixed(2)} s`);
    } catch (err) {
      failures.push((err as Error).message.startsWith(`${recipe.id}:`) ? (err as Error).message : `${recipe.id}: ${(err as Error).message}`);
    }
  }

  let catalogWritten = false;
  if (opts.updateCatalog && failures.length === 0) {
    const ids = new Set(opts.recipes.map((r) => r.id));
    const previous = catalog?.models ?? [];
    const fresh = opts.recipes.map((r) => catalogEntryFor(r, built.find((b) => b.id === r.id)!, previous.find((m) => m.id === r.id)));
    // Entries this build does not own (other recipes when --only is used, hand-added test
    // models) are kept as they are.
    const kept = previous.filter((m) => !ids.has(m.id));
    const order = new Map(previous.map((m, i) => [m.id, i]));
    const models = [...fresh, ...kept].sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9));
    // Written as the schema parses it, so key order (and the file) does not depend on
    // whether an entry came from a recipe or from the previous catalog.
    const next: Catalog = parseCatalog(JSON.stringify({ version: 1, models }), 'the generated catalog');
    writeFileAtomic(opts.catalogPath, `${JSON.stringify(next, null, 2)}\n`);
    catalogWritten = true;
  }
  return { built, failures, catalogWritten };
}

function parseArgs(argv: string[]): { updateCatalog: boolean; verify: boolean; force: boolean; only: string[] | null } {
  const out = { updateCatalog: false, verify: false, force: false, only: null as string[] | null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--update-catalog') out.updateCatalog = true;
    else if (a === '--verify') out.verify = true;
    else if (a === '--force') out.force = true;
    else if (a === '--only') out.only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (a.startsWith('--only=')) out.only = a.slice(7).split(',').filter(Boolean);
    else throw new Error(`Unknown option ${a}. Use --update-catalog, --verify, --force, --only id,id`);
  }
  return out;
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const { recipes } = await import('./recipes/index');
  let chosen = recipes;
  if (args.only) {
    const unknown = args.only.filter((id) => !recipes.some((r) => r.id === id));
    if (unknown.length) {
      console.error(`No recipe named ${unknown.join(', ')}. Known: ${recipes.map((r) => r.id).join(', ')}`);
      return 2;
    }
    chosen = recipes.filter((r) => args.only!.includes(r.id));
  }
  const t0 = performance.now();
  const report = await buildModels({
    recipes: chosen,
    outDir: builtModelsDir(),
    catalogPath: CATALOG_PATH,
    stampPath: path.join(modelsDir, '.cache', 'build-stamp.json'),
    updateCatalog: args.updateCatalog,
    verify: args.verify,
    force: args.force,
    log: (l) => console.log(l),
  });
  const secs = ((performance.now() - t0) / 1000).toFixed(1);
  if (report.failures.length) {
    console.error(`\nModel build failed (${report.failures.length} problem${report.failures.length > 1 ? 's' : ''}, ${secs} s):`);
    for (const f of report.failures) console.error(`  - ${f}`);
    return 1;
  }
  console.log(`\n${report.built.length} models ready in ${builtModelsDir()} (${secs} s)${report.catalogWritten ? '; catalog.json updated' : ''}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
}
