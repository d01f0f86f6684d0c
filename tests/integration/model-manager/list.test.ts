// list(): built-in models from the catalog with their file state, plus the user's models.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelManager, type BuiltInModels } from '../../../electron/app/models';
import { catalogEntry, embeddingModel, upscaleModel } from './helpers/models';

let dir: string;
let builtInDir: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pairlight-mm-list-'));
  builtInDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pairlight-mm-builtin-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rm(builtInDir, { recursive: true, force: true });
});

describe('ModelManager.list', () => {
  it('reports built-in models as installed, missing or corrupt, hides test-only ones unless asked', async () => {
    const good = embeddingModel();
    const upscaler = upscaleModel(4);
    const entries = [
      catalogEntry('good', 'face-embedding', good),
      catalogEntry('absent', 'upscale', upscaler),
      catalogEntry('damaged', 'upscale', upscaler),
      catalogEntry('synthetic', 'diffusion', good, { testOnly: true, verification: null }),
    ];
    await fs.writeFile(path.join(builtInDir, 'good.onnx'), good);
    await fs.writeFile(path.join(builtInDir, 'synthetic.onnx'), good);
    const damaged = new Uint8Array(upscaler);
    damaged[damaged.length - 1] ^= 1;
    await fs.writeFile(path.join(builtInDir, 'damaged.onnx'), damaged);
    const builtIn: BuiltInModels = { entries, pathOf: (e) => path.join(builtInDir, e.file) };
    const manager = new ModelManager({ modelsDir: dir, builtIn });

    const listed = await manager.list();
    expect(listed.map((m) => [m.id, m.status, m.source])).toEqual([
      ['good', 'installed', 'built-in'],
      ['absent', 'missing', 'built-in'],
      ['damaged', 'corrupt', 'built-in'],
    ]);
    expect(listed[0]).toMatchObject({ task: 'face-embedding', licence: 'Apache-2.0', verifiedMaxError: 2.5e-5, testOnly: false });
    expect(listed[2].problem).toMatch(/^sha256 expected [0-9a-f]{64} got [0-9a-f]{64}$/);

    const all = await manager.list({ includeTestOnly: true });
    expect(all.find((m) => m.id === 'synthetic')).toMatchObject({ status: 'installed', testOnly: true, verifiedMaxError: null });

    await expect(manager.installedPath('good')).resolves.toBe(path.join(builtInDir, 'good.onnx'));
    await expect(manager.installedPath('damaged')).rejects.toMatchObject({ reason: 'MODEL_CORRUPT', code: 'MODEL_INVALID' });
    await expect(manager.installedPath('absent')).rejects.toMatchObject({ reason: 'MODEL_NOT_INSTALLED', code: 'MODEL_MISSING' });
    await expect(manager.installedPath('nothing')).rejects.toMatchObject({ reason: 'MODEL_NOT_FOUND', code: 'NOT_FOUND' });
    await expect(manager.remove('good')).rejects.toMatchObject({ reason: 'MODEL_BUILT_IN', code: 'CONFLICT' });
  });

  it('notices when an installed user model is changed on disk', async () => {
    const src = path.join(dir, '..', `${path.basename(dir)}-src.onnx`);
    await fs.writeFile(src, embeddingModel());
    const manager = new ModelManager({ modelsDir: dir });
    try {
      await manager.importLocal(src, 'face-embedding', { id: 'mine' });
    } finally {
      await fs.rm(src, { force: true });
    }
    const file = path.join(dir, 'mine.onnx');
    const bytes = new Uint8Array(await fs.readFile(file));
    bytes[bytes.length - 1] ^= 1;
    await fs.writeFile(file, bytes);
    expect((await manager.list())[0]).toMatchObject({ id: 'mine', status: 'corrupt' });
    await fs.rm(file);
    expect((await manager.list())[0]).toMatchObject({ id: 'mine', status: 'missing' });
  });

  it('says so when the list of added models is damaged, instead of showing an empty list', async () => {
    await fs.writeFile(path.join(dir, 'registry.json'), '{"installed": [');
    const err = await new ModelManager({ modelsDir: dir }).list().catch((e: unknown) => e);
    expect(err).toMatchObject({ reason: 'DISK', code: 'DISK' });
    expect((err as Error).message).toContain('registry.json) is damaged and cannot be read');
  });

  it('sweeps temp files a crash left in the models folder but keeps partial downloads', async () => {
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, '.mine.onnx.0123456789ab.pltmp'), 'half an import');
    await fs.writeFile(path.join(dir, 'big.onnx.part'), 'half a download');
    await new ModelManager({ modelsDir: dir }).list();
    expect(await fs.readdir(dir)).toEqual(['big.onnx.part']);
  });
});
