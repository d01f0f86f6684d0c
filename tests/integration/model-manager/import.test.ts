// Local import: the contract check loads the file with ONNX Runtime on CPU and says which
// field failed; only a passing file is copied into the models folder.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelManager, isModelError, type ModelContractChecker } from '../../../electron/app/models';
import { attr, OnnxGraphBuilder, readOnnxMetadata } from '../../../models/convert/onnx/graph-builder';
import { builtModelsDir, modelPath } from '../../../models/catalog';
import { buildExactDenoiser } from '../../../models/diffusion/exact-denoiser';
import { embeddingModel, sha256, upscaleModel } from './helpers/models';
import { asStandInForUserModel } from '../../fixtures/diffusion/stand-in';

let dir: string;
let src: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pairlight-mm-import-'));
  src = await fs.mkdtemp(path.join(os.tmpdir(), 'pairlight-mm-src-'));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rm(src, { recursive: true, force: true });
});

async function writeSource(name: string, bytes: Uint8Array | string): Promise<string> {
  const file = path.join(src, name);
  await fs.writeFile(file, bytes);
  return file;
}

async function caught(p: Promise<unknown>): Promise<Error & { reason?: string; code?: string }> {
  try {
    await p;
  } catch (err) {
    return err as Error & { reason?: string; code?: string };
  }
  throw new Error('expected the promise to reject');
}

describe('ModelManager.importLocal', () => {
  it('imports a valid face-embedding model, lists it, and removes it', async () => {
    const bytes = embeddingModel();
    const manager = new ModelManager({ modelsDir: dir });
    const item = await manager.importLocal(await writeSource('My Embedder.onnx', bytes), 'face-embedding', { licence: 'MIT' });

    expect(item).toMatchObject({ id: 'my-embedder', status: 'installed', source: 'imported', task: 'face-embedding', licence: 'MIT', sha256: sha256(bytes), bytes: bytes.length });
    expect(sha256(await fs.readFile(path.join(dir, 'my-embedder.onnx')))).toBe(sha256(bytes));
    expect(await manager.list()).toEqual([expect.objectContaining({ id: 'my-embedder', status: 'installed' })]);
    expect((await fs.readdir(dir)).sort()).toEqual(['my-embedder.onnx', 'registry.json']);
    // A second manager over the same folder (next launch) sees it through the registry.
    expect(await new ModelManager({ modelsDir: dir }).list()).toEqual([expect.objectContaining({ id: 'my-embedder', status: 'installed' })]);

    await manager.remove('my-embedder');
    expect(await manager.list()).toEqual([]);
    expect(await fs.readdir(dir)).toEqual(['registry.json']);
    expect((await caught(manager.remove('my-embedder'))).reason).toBe('MODEL_NOT_FOUND');
  });

  it('refuses a face-embedding model with the wrong input size, naming the dimension', async () => {
    const manager = new ModelManager({ modelsDir: dir });
    const err = await caught(manager.importLocal(await writeSource('big.onnx', embeddingModel({ side: 128 })), 'face-embedding'));

    expect(isModelError(err, 'CONTRACT_MISMATCH')).toBe(true);
    expect(err.code).toBe('MODEL_INVALID');
    expect(err.message).toContain("input 'image' (image) dimension 1 is 128, must be 112 (expected [batch, 112, 112, 3] NHWC)");
    expect(err.message).toContain("dimension 2 is 128, must be 112");
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('refuses a face-embedding model whose output is not one [1, N] vector', async () => {
    const g = new OnnxGraphBuilder('image-out');
    const x = g.input('image', [1, 112, 112, 3]);
    g.node('Identity', [x], ['same']);
    g.output('same', [1, 112, 112, 3]);
    const manager = new ModelManager({ modelsDir: dir });
    const err = await caught(manager.importLocal(await writeSource('identity.onnx', g.toBytes()), 'face-embedding'));
    expect(err.message).toContain("output 'same' (embedding) has 4 dimensions [1, 112, 112, 3], must have 2: [batch, N] NC");
  });

  it('refuses a model with two inputs for a one-input task', async () => {
    const g = new OnnxGraphBuilder('two-in');
    const a = g.input('a', [1, 112, 112, 3]);
    const b = g.input('b', [1, 112, 112, 3]);
    g.node('ReduceMean', [g.op('Add', [a, b])], ['v'], { axes: attr.ints([1, 2]), keepdims: attr.i(0) });
    g.output('v', [1, 3]);
    const manager = new ModelManager({ modelsDir: dir });
    const err = await caught(manager.importLocal(await writeSource('two.onnx', g.toBytes()), 'face-embedding'));
    expect(err.message).toContain('the model has 2 input(s), a face-embedding model must have 1: image [batch, 112, 112, 3] NHWC');
  });

  it('refuses a file that is not ONNX at all', async () => {
    const manager = new ModelManager({ modelsDir: dir });
    const err = await caught(manager.importLocal(await writeSource('notes.onnx', 'these are my holiday notes, not a model\n'), 'upscale'));

    expect(isModelError(err, 'NOT_ONNX')).toBe(true);
    expect(err.message).toBe('This file is not an ONNX model (ONNX Runtime could not parse it). Choose an .onnx file made for upscale.');
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('says when the file cannot be read', async () => {
    const manager = new ModelManager({ modelsDir: dir });
    const err = await caught(manager.importLocal(path.join(src, 'nowhere.onnx'), 'upscale'));
    expect(isModelError(err, 'FILE_UNREADABLE')).toBe(true);
    expect(err.message).toContain('nowhere.onnx (ENOENT)');
  });

  it('accepts a 4× upscaler and refuses a 2× one after running it on a test input', async () => {
    const manager = new ModelManager({ modelsDir: dir });
    await manager.importLocal(await writeSource('x4.onnx', upscaleModel(4)), 'upscale');
    const err = await caught(manager.importLocal(await writeSource('x2.onnx', upscaleModel(2)), 'upscale'));

    expect(isModelError(err, 'CONTRACT_MISMATCH')).toBe(true);
    expect(err.message).toContain('for a [1, 3, 16, 16] input the model returns [1, 3, 32, 32], it must return [1, 3, 64, 64]');
    expect((await manager.list()).map((m) => m.id)).toEqual(['x4']);
  });

  it('refuses an upscaler with fixed height and width', async () => {
    const g = new OnnxGraphBuilder('fixed');
    const x = g.input('image', [1, 3, 64, 64]);
    g.node('Resize', [x, '', g.constFloat('scales', [1, 1, 4, 4])], ['y'], { mode: attr.s('nearest') });
    g.output('y', [1, 3, 256, 256]);
    const manager = new ModelManager({ modelsDir: dir });
    const err = await caught(manager.importLocal(await writeSource('fixed.onnx', g.toBytes()), 'upscale'));
    expect(err.message).toContain("input 'image' (image) dimension 2 is fixed at 64, must be dynamic (any size)");
  });

  it('checks diffusion models against their metadata contract, refusing with the key at fault', async () => {
    const D = 3 * 8 * 8;
    const valid = asStandInForUserModel(buildExactDenoiser({
      means: [Float32Array.from({ length: D }, (_, i) => 0.5 * Math.sin(i)), Float32Array.from({ length: D }, (_, i) => -0.5 * Math.cos(i))],
      std: 0.1,
      channels: 3,
      height: 8,
      width: 8,
      prediction: 'eps',
      schedule: { type: 'ddpm', beta: 'linear', betaStart: 0.0001, betaEnd: 0.02, trainSteps: 1000 },
    }));
    const manager = new ModelManager({ modelsDir: dir });
    expect(await manager.importLocal(await writeSource('exact.onnx', valid), 'diffusion')).toMatchObject({ id: 'exact', task: 'diffusion', status: 'installed' });

    const g = new OnnxGraphBuilder('bare');
    const x = g.input('sample', [1, 3, 8, 8]);
    g.node('Identity', [x], ['prediction']);
    g.output('prediction', [1, 3, 8, 8]);
    g.metadata('pairlight.diffusion.prediction', 'eps');
    const err = await caught(manager.importLocal(await writeSource('bare.onnx', g.toBytes()), 'diffusion'));
    expect(err.reason).toBe('CONTRACT_MISMATCH');
    expect(err.message).toContain('Diffusion model refused: pairlight.diffusion.version is missing');
  });

  it('lets an injected checker replace the rule for a task', async () => {
    const file = await writeSource('emb.onnx', embeddingModel());
    const seen: string[] = [];
    const strict: ModelContractChecker = async ({ path: p, signature }) => {
      seen.push(signature.inputs[0].name);
      const meta = readOnnxMetadata(new Uint8Array(await fs.readFile(p)));
      return meta.licence ? [] : [{ field: 'metadata licence', message: 'the model does not state its licence' }];
    };
    const manager = new ModelManager({ modelsDir: dir, checkers: { 'face-embedding': strict } });
    const err = await caught(manager.importLocal(file, 'face-embedding'));
    expect(err.reason).toBe('CONTRACT_MISMATCH');
    expect(err.message).toContain('the model does not state its licence');
    expect(seen).toEqual(['image']);
  });

  it('refuses tasks that have no contract check yet', async () => {
    const manager = new ModelManager({ modelsDir: dir });
    const err = await caught(manager.importLocal(await writeSource('det.onnx', embeddingModel()), 'face-detect'));
    expect(err.reason).toBe('TASK_UNSUPPORTED');
    expect(err.message).toContain('no contract check for face-detect models');
  });

  it('refuses an id that is taken or unsafe', async () => {
    const manager = new ModelManager({ modelsDir: dir });
    const file = await writeSource('emb.onnx', embeddingModel());
    await manager.importLocal(file, 'face-embedding');
    expect((await caught(manager.importLocal(file, 'face-embedding'))).reason).toBe('MODEL_EXISTS');
    expect((await caught(manager.importLocal(file, 'face-embedding', { id: '../../etc' }))).reason).toBe('MODEL_ID_INVALID');
  });

  // The contracts are written for the real models: the ones `npm run models` built must pass them.
  const built = (id: string) => existsSync(path.join(builtModelsDir(), `${id}.onnx`));
  it.skipIf(!built('mobilefacenet') || !built('realesrgan-x4fast'))('accepts the built mobilefacenet and Real-ESRGAN x4fast, and refuses faceres as an embedder', async () => {
    const manager = new ModelManager({ modelsDir: dir });
    const emb = await manager.importLocal(modelPath('mobilefacenet'), 'face-embedding', { id: 'my-mobilefacenet' });
    expect(emb).toMatchObject({ status: 'installed', task: 'face-embedding' });
    expect(await manager.importLocal(modelPath('realesrgan-x4fast'), 'upscale', { id: 'my-x4fast' })).toMatchObject({ status: 'installed' });
    const err = await caught(manager.importLocal(modelPath('faceres'), 'face-embedding', { id: 'my-faceres' }));
    expect(err.message).toContain('the model has 3 output(s), a face-embedding model must have 1');
  });
});
