import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Catalog, CatalogEntry } from '../../../models/catalog-types';
import { catalogEntry, loadCatalog, modelPath, parseCatalog, verifyBuiltModel } from '../../../models/catalog';
import modelsList from '../../../electron/cli/commands/models-list';

function entry(id: string, bytes: Uint8Array): CatalogEntry {
  return {
    id,
    task: 'face-detect',
    title: id,
    file: `${id}.onnx`,
    sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
    bytes: bytes.length,
    io: { inputs: [{ name: 'x', shape: ['batch', 4], layout: 'NC', dtype: 'float32' }], outputs: [{ name: 'y', shape: ['batch', 4], layout: 'NC', dtype: 'float32' }], preprocessing: '' },
    provenance: { upstream: 'u', weightsLicence: 'Apache-2.0', npmPackage: 'p', npmVersion: '1', packageLicence: 'MIT', sourceFormat: 'tfjs-graph' },
    verification: null,
  };
}

let dir: string;
const saved = process.env.PAIRLIGHT_BUILT_MODELS_DIR;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairlight-catalog-'));
  process.env.PAIRLIGHT_BUILT_MODELS_DIR = dir;
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  if (saved === undefined) delete process.env.PAIRLIGHT_BUILT_MODELS_DIR;
  else process.env.PAIRLIGHT_BUILT_MODELS_DIR = saved;
});

describe('catalog', () => {
  it('the committed catalog validates and lists the converted face models with licences', () => {
    const c = loadCatalog();
    for (const id of ['blazeface-short', 'blazeface-full', 'facemesh', 'iris', 'selfie', 'mobilefacenet']) {
      expect(catalogEntry(id, c).provenance.weightsLicence.length).toBeGreaterThan(0);
    }
    expect(c.models.some((m) => m.id.includes('rvm'))).toBe(false);
  });

  it('names the wrong field', () => {
    const good: Catalog = { version: 1, models: [entry('a', new Uint8Array([1]))] };
    const bad = JSON.parse(JSON.stringify(good));
    bad.models[0].sha256 = 'xyz';
    expect(() => parseCatalog(JSON.stringify(bad))).toThrow(/invalid at models\.0\.sha256/);
    const dup = { version: 1, models: [good.models[0], good.models[0]] };
    expect(() => parseCatalog(JSON.stringify(dup))).toThrow(/model id a appears twice/);
    expect(() => parseCatalog('{')).toThrow(/not valid JSON/);
  });

  it('verifyBuiltModel tells missing, wrong size, wrong content and good files apart', async () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const catalog: Catalog = { version: 1, models: [entry('m', bytes)] };
    expect(modelPath('m', catalog)).toBe(path.join(dir, 'm.onnx'));
    expect(await verifyBuiltModel('m', catalog)).toMatchObject({ installed: false, problem: expect.stringMatching(/not built; run npm run models/) });
    fs.writeFileSync(path.join(dir, 'm.onnx'), new Uint8Array([1, 2, 3]));
    expect((await verifyBuiltModel('m', catalog)).problem).toMatch(/3 bytes, the catalog says 4/);
    fs.writeFileSync(path.join(dir, 'm.onnx'), new Uint8Array([1, 2, 3, 5]));
    expect((await verifyBuiltModel('m', catalog)).problem).toMatch(/sha256 .* the catalog says/);
    fs.writeFileSync(path.join(dir, 'm.onnx'), bytes);
    expect(await verifyBuiltModel('m', catalog)).toEqual({ id: 'm', path: path.join(dir, 'm.onnx'), installed: true });
    expect(() => catalogEntry('nope', catalog)).toThrow(/No model "nope" in the catalog\. Known: m/);
  });
});

describe('pairlight models list', () => {
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await modelsList.run(args, { dataDir: dir, out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('--json lists every catalog model with id, task, file, sha256, licence, verified error and installed', async () => {
    const r = await run(['--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    const ids = loadCatalog().models.filter((m) => !m.testOnly).map((m) => m.id);
    expect(rows.map((x) => x.id)).toEqual(ids);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['id', 'task', 'file', 'sha256', 'licence', 'verifiedMaxError', 'installed']));
      // The built-models folder points at an empty temp dir here, so nothing is installed.
      expect(row.installed).toBe(false);
    }
  });

  it('rejects an unknown option with exit code 2', async () => {
    const r = await run(['--yaml']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown option --yaml/);
  });
});
