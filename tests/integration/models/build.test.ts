// The model build end to end on a copy of one real source model (iris): determinism, the
// stamp, and the errors a user sees for a corrupt or missing source and a catalog mismatch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModels, type BuildOptions } from '../../../models/build';
import { iris } from '../../../models/recipes/face';
import { packageDir } from '../../../models/recipes/package-dir';
import { HUMAN_MODELS_PACKAGE, tfjsRecipe } from '../../../models/recipes/tfjs-recipe';
import { sha256 } from '../../../models/build';

let tmp: string;
let src: string;

function options(extra: Partial<BuildOptions> = {}): BuildOptions {
  const recipe = tfjsRecipe(iris.spec, { sourceDir: src });
  return {
    recipes: [recipe],
    outDir: path.join(tmp, 'onnx'),
    catalogPath: path.join(tmp, 'catalog.json'),
    stampPath: path.join(tmp, 'stamp.json'),
    converterHash: 'test',
    sourceDirOf: () => src,
    ...extra,
  };
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pairlight-build-'));
  src = path.join(tmp, 'pkg');
  fs.mkdirSync(path.join(src, 'models'), { recursive: true });
  const real = packageDir(HUMAN_MODELS_PACKAGE);
  for (const f of iris.sourceFiles) fs.copyFileSync(path.join(real, f), path.join(src, f));
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('models build', () => {
  it('writes the catalog on --update-catalog, then a re-run is a no-op that matches it', async () => {
    const first = await buildModels(options({ updateCatalog: true }));
    expect(first.failures).toEqual([]);
    expect(first.catalogWritten).toBe(true);
    const file = path.join(tmp, 'onnx', 'iris.onnx');
    expect(sha256(fs.readFileSync(file))).toBe(first.built[0].sha256);
    const catalog = JSON.parse(fs.readFileSync(path.join(tmp, 'catalog.json'), 'utf8'));
    expect(catalog.models[0]).toMatchObject({ id: 'iris', sha256: first.built[0].sha256, bytes: first.built[0].bytes });

    const second = await buildModels(options());
    expect(second.failures).toEqual([]);
    expect(second.built[0].converted).toBe(false);
  });

  it('is deterministic: a forced rebuild gives the same bytes', async () => {
    const before = fs.readFileSync(path.join(tmp, 'onnx', 'iris.onnx'));
    const r = await buildModels(options({ force: true }));
    expect(r.failures).toEqual([]);
    expect(r.built[0].converted).toBe(true);
    expect(Buffer.compare(before, fs.readFileSync(path.join(tmp, 'onnx', 'iris.onnx')))).toBe(0);
  });

  it('fails naming the model when the built file differs from the catalog', async () => {
    const catalogPath = path.join(tmp, 'catalog.json');
    const catalog = JSON.parse(fs.readFileSync(catalogPath, 'utf8'));
    catalog.models[0].sha256 = '0'.repeat(64);
    const other = path.join(tmp, 'catalog-wrong.json');
    fs.writeFileSync(other, JSON.stringify(catalog));
    const r = await buildModels(options({ catalogPath: other }));
    expect(r.failures).toHaveLength(1);
    expect(r.failures[0]).toMatch(/^iris: built iris\.onnx .* differs from the catalog .*--update-catalog/);
  });

  it('rebuilds when a source file changes, and names the model when the source is corrupt', async () => {
    const bin = path.join(src, 'models', 'iris.bin');
    const good = fs.readFileSync(bin);
    try {
      fs.writeFileSync(bin, good.subarray(0, good.length - 100));
      const r = await buildModels(options());
      expect(r.failures).toHaveLength(1);
      expect(r.failures[0]).toMatch(/^iris: weight file iris\.bin is too short .* reinstall the package/);
    } finally {
      fs.writeFileSync(bin, good);
    }
  });

  it('names the model and the file when a source file is missing', async () => {
    const json = path.join(src, 'models', 'iris.json');
    const saved = fs.readFileSync(json);
    fs.rmSync(json);
    try {
      const r = await buildModels(options());
      expect(r.failures[0]).toMatch(/^iris: source file .*iris\.json is missing or unreadable \(ENOENT\); run npm install/);
    } finally {
      fs.writeFileSync(json, saved);
    }
  });
});
