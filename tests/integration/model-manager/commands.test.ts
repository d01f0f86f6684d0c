// The models.* contract commands through the dispatcher, on real services: the repository's
// built models, real ONNX checks, a loopback HTTP server for downloads, events off the bus.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandName, CommandOutput, EventName, EventPayload, PairlightErrorData } from '../../../electron/contract';
import { invokeCommand } from '../../../electron/app/dispatch';
import { createServices, type AppServices } from '../../../electron/app/services';
import { loadCatalog } from '../../../models/catalog';
import { OnnxGraphBuilder } from '../../../models/convert/onnx/graph-builder';
import { buildExactDenoiser } from '../../../models/diffusion/exact-denoiser';
import { serveWithRange, startLoopbackServer, type LoopbackServer } from './helpers/loopback-server';
import { catalogEntry, embeddingModel, sha256 } from './helpers/models';
import { asStandInForUserModel } from '../../fixtures/diffusion/stand-in';

let dataDir: string;
let src: string;
let services: AppServices;
let server: LoopbackServer | undefined;
let seen: { event: EventName; payload: unknown }[];

beforeEach(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'pairlight-models-cmd-'));
  src = await fs.mkdtemp(path.join(os.tmpdir(), 'pairlight-models-src-'));
  services = createServices({ dataDir });
  seen = [];
  services.events.subscribe((event, payload) => seen.push({ event, payload }));
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await services.close();
  await fs.rm(dataDir, { recursive: true, force: true });
  await fs.rm(src, { recursive: true, force: true });
});

async function ok<C extends CommandName>(command: C, input: unknown, on: AppServices = services): Promise<CommandOutput<C>> {
  const res = await invokeCommand(on, command, input);
  if (!res.ok) throw new Error(`${command} failed: ${res.error.code} ${res.error.message}`);
  return res.result as CommandOutput<C>;
}

async function refused(command: CommandName, input: unknown): Promise<PairlightErrorData> {
  const res = await invokeCommand(services, command, input);
  if (res.ok) throw new Error(`${command} should have failed`);
  return res.error;
}

async function writeSource(name: string, bytes: Uint8Array | string): Promise<string> {
  const file = path.join(src, name);
  await fs.writeFile(file, bytes);
  return file;
}

function eventsOf<E extends EventName>(event: E): EventPayload<E>[] {
  return seen.filter((e) => e.event === event).map((e) => e.payload as EventPayload<E>);
}

/** Resolves once a `models.changed` naming `id` (a failure) arrives, or once `id` is installed. */
async function settled(id: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (eventsOf('models.changed').some((e) => e.id === id)) return;
    const item = (await ok('models.list', {})).find((m) => m.id === id);
    if (item?.status === 'installed') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`download of ${id} did not finish within ${timeoutMs} ms`);
}

/** An exact denoiser as built by the tests: labelled test-only. */
function testOnlyDiffusionModel(): Uint8Array {
  const side = 8;
  const D = 3 * side * side;
  return buildExactDenoiser({
    means: [Float32Array.from({ length: D }, (_, i) => 0.5 * Math.sin(i))],
    std: 0.1,
    channels: 3,
    height: side,
    width: side,
    prediction: 'eps',
    schedule: { type: 'ddpm', beta: 'linear', betaStart: 0.0001, betaEnd: 0.02, trainSteps: 1000 },
  });
}

const tinyDiffusionModel = (): Uint8Array => asStandInForUserModel(testOnlyDiffusionModel());

describe('models.list', () => {
  it('lists every built-in model of the catalog as installed, with licence and verified error', async () => {
    const list = await ok('models.list', {});
    const catalog = loadCatalog().models.filter((m) => !m.testOnly);
    expect(list.map((m) => m.id).sort()).toEqual(catalog.map((m) => m.id).sort());
    for (const entry of catalog) {
      const item = list.find((m) => m.id === entry.id)!;
      expect(item).toMatchObject({ status: 'installed', source: 'built-in', task: entry.task, sha256: entry.sha256, bytes: entry.bytes, testOnly: false });
      expect(item.licence).toBe(entry.provenance.weightsLicence);
      expect(item.verifiedMaxError).toBe(entry.verification?.maxAbsError ?? null);
    }
    // The renderer never learns where files live on disk.
    expect(Object.keys(list[0])).not.toContain('file');
  });

  it('leaves test-only models out unless asked for them', async () => {
    const builtIn = await fs.mkdtemp(path.join(os.tmpdir(), 'pairlight-models-builtin-'));
    const real = embeddingModel();
    const synthetic = tinyDiffusionModel();
    await fs.mkdir(path.join(builtIn, 'onnx'));
    await fs.writeFile(path.join(builtIn, 'onnx', 'real-embedder.onnx'), real);
    await fs.writeFile(path.join(builtIn, 'onnx', 'exact-gaussian.onnx'), synthetic);
    const tensor = (name: string) => ({ name, shape: [1, 3], layout: 'NC' as const, dtype: 'float32' as const });
    const io = { inputs: [tensor('in')], outputs: [tensor('out')], preprocessing: 'none' };
    const catalog = {
      version: 1,
      models: [catalogEntry('real-embedder', 'face-embedding', real, { io }), catalogEntry('exact-gaussian', 'diffusion', synthetic, { io, testOnly: true })],
    };
    await fs.writeFile(path.join(builtIn, 'catalog.json'), JSON.stringify(catalog));
    const own = createServices({ dataDir: path.join(dataDir, 'other'), modelsDir: builtIn });
    try {
      expect((await ok('models.list', {}, own)).map((m) => m.id)).toEqual(['real-embedder']);
      const all = await ok('models.list', { includeTestOnly: true }, own);
      expect(all.find((m) => m.id === 'exact-gaussian')).toMatchObject({ testOnly: true, status: 'installed' });
      // …and the pipeline never refines with one.
      expect((await own.pipelineModels()).diffusion).toBeNull();
    } finally {
      await own.close();
      await fs.rm(builtIn, { recursive: true, force: true });
    }
  });
});

describe('app.info provider', () => {
  it('reports the execution provider once a pipeline session has loaded, none before', async () => {
    expect((await ok('app.info', {})).provider).toBeUndefined();
    const models = await services.pipelineModels();
    await models.sessions.get(models.upscalePaths.x4fast!, { preference: 'cpu' });
    // This machine has no GPU: CPU is what runs.
    expect((await ok('app.info', {})).provider).toBe('cpu');
  });
});

describe('models.import', () => {
  it('refuses a wrong-shape model with MODEL_INVALID and the field at fault, installing nothing', async () => {
    const error = await refused('models.import', { path: await writeSource('big.onnx', embeddingModel({ side: 128 })), task: 'face-embedding' });
    expect(error.code).toBe('MODEL_INVALID');
    const details = error.details as { reason: string; problems: { field: string; message: string }[] };
    expect(details.reason).toBe('CONTRACT_MISMATCH');
    expect(details.problems.map((p) => p.field)).toContain("input 'image' (image) dimension 1");
    expect(error.message).toContain('dimension 1 is 128, must be 112');
    expect((await ok('models.list', {})).some((m) => m.source !== 'built-in')).toBe(false);
  });

  it('refuses a diffusion model that breaks the metadata contract, naming the key', async () => {
    const g = new OnnxGraphBuilder('bare');
    g.node('Identity', [g.input('sample', [1, 3, 8, 8])], ['prediction']);
    g.output('prediction', [1, 3, 8, 8]);
    g.metadata('pairlight.diffusion.prediction', 'eps');
    const error = await refused('models.import', { path: await writeSource('bare.onnx', g.toBytes()), task: 'diffusion' });
    expect(error.code).toBe('MODEL_INVALID');
    expect((error.details as { problems: { field: string }[] }).problems[0]!.field).toBe('pairlight.diffusion.version');
    expect(error.message).toContain('pairlight.diffusion.version is missing');
  });

  it('refuses a test-only diffusion model: it must never refine a real portrait', async () => {
    const error = await refused('models.import', { path: await writeSource('exact.onnx', testOnlyDiffusionModel()), task: 'diffusion' });
    expect(error.code).toBe('MODEL_INVALID');
    expect((error.details as { problems: { field: string }[] }).problems[0]!.field).toBe('pairlight.testOnly');
  });

  it('refuses a file that is not ONNX', async () => {
    const error = await refused('models.import', { path: await writeSource('notes.onnx', 'just some text'), task: 'upscale' });
    expect(error).toMatchObject({ code: 'MODEL_INVALID', details: { reason: 'NOT_ONNX' } });
  });

  it('installs a pixel-diffusion model, lists it, lets the pipeline refine with it, and removes it', async () => {
    const bytes = tinyDiffusionModel();
    const item = await ok('models.import', { path: await writeSource('my-unet.onnx', bytes), task: 'diffusion', title: 'My UNet', licence: 'CC-BY-4.0' });
    expect(item).toMatchObject({ id: 'my-unet', title: 'My UNet', task: 'diffusion', status: 'installed', source: 'imported', licence: 'CC-BY-4.0', sha256: sha256(bytes), testOnly: false });
    expect(eventsOf('models.changed').length).toBeGreaterThan(0);
    expect((await ok('models.list', {})).find((m) => m.id === 'my-unet')?.status).toBe('installed');

    const models = await services.pipelineModels();
    expect(models.diffusion).toEqual({ id: 'my-unet', sha256: sha256(bytes), path: path.join(dataDir, 'models', 'my-unet.onnx') });

    expect(await ok('models.remove', { id: 'my-unet' })).toEqual({ id: 'my-unet' });
    expect((await ok('models.list', {})).some((m) => m.id === 'my-unet')).toBe(false);
    await expect.poll(() => models.diffusion).toBeNull();
  });

  it('will not remove a built-in model', async () => {
    const id = loadCatalog().models[0]!.id;
    expect(await refused('models.remove', { id })).toMatchObject({ code: 'CONFLICT', details: { reason: 'MODEL_BUILT_IN' } });
  });
});

describe('models.download', () => {
  // ~1.5 MB, sent in 20 pieces: several progress events before it lands.
  const payload = embeddingModel({ length: 131_072 });

  it('returns at once, reports progress as events, then installs the verified file', async () => {
    // The server holds the body until the test has looked at the list, so "still downloading"
    // is a fact of the test, not a race with a fast machine.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    server = await startLoopbackServer((req, res) => void gate.then(() => serveWithRange(req, res, payload, { chunks: 20, delayMs: 30 })));
    const started = await ok('models.download', { url: server.url(), sha256: sha256(payload), id: 'web-embedder', task: 'face-embedding', licence: 'MIT', title: 'Web embedder' });
    expect(started).toEqual({ id: 'web-embedder' });
    // Returned while the transfer runs: the list says so.
    expect((await ok('models.list', {})).find((m) => m.id === 'web-embedder')?.status).toBe('downloading');
    release();

    await settled('web-embedder');
    const progress = eventsOf('models.progress').filter((p) => p.id === 'web-embedder');
    const receiving = progress.filter((p) => p.phase === 'receiving');
    expect(receiving.length).toBeGreaterThan(3);
    for (let i = 1; i < receiving.length; i++) expect(receiving[i]!.bytes).toBeGreaterThanOrEqual(receiving[i - 1]!.bytes);
    expect(progress.map((p) => p.phase)).toContain('verifying');
    expect(progress.at(-1)).toMatchObject({ phase: 'installing', bytes: payload.length, total: payload.length });
    expect(eventsOf('models.changed').some((e) => e.error)).toBe(false);

    const item = (await ok('models.list', {})).find((m) => m.id === 'web-embedder');
    expect(item).toMatchObject({ status: 'installed', source: 'downloaded', licence: 'MIT', title: 'Web embedder', bytes: payload.length });
    expect(sha256(new Uint8Array(await fs.readFile(path.join(dataDir, 'models', 'web-embedder.onnx'))))).toBe(sha256(payload));
  });

  it('publishes the failure and installs nothing when the server sends the wrong bytes', async () => {
    const wrong = Uint8Array.from(payload);
    wrong[wrong.length >> 1] ^= 0xff;
    server = await startLoopbackServer((req, res) => serveWithRange(req, res, wrong, { chunks: 4, delayMs: 10 }));
    await ok('models.download', { url: server.url(), sha256: sha256(payload), id: 'tampered', task: 'face-embedding', licence: 'MIT' });
    await settled('tampered');

    const failure = eventsOf('models.changed').find((e) => e.id === 'tampered');
    expect(failure?.error?.code).toBe('MODEL_INVALID');
    expect(failure?.error?.message).toContain('does not match its checksum');
    expect((await ok('models.list', {})).some((m) => m.id === 'tampered')).toBe(false);
    expect((await fs.readdir(path.join(dataDir, 'models'))).filter((f) => f.startsWith('tampered'))).toEqual([]);
  });

  it('publishes a NETWORK failure when the server refuses, keeping nothing installed', async () => {
    server = await startLoopbackServer((_req, res) => void res.writeHead(404).end());
    await ok('models.download', { url: server.url(), sha256: sha256(payload), id: 'gone', task: 'face-embedding', licence: 'MIT' });
    await settled('gone');
    expect(eventsOf('models.changed').find((e) => e.id === 'gone')?.error?.code).toBe('NETWORK');
    expect((await ok('models.list', {})).find((m) => m.id === 'gone')?.status).not.toBe('installed');
  });

  it('fails the command itself when the download cannot start', async () => {
    const builtInId = loadCatalog().models[0]!.id;
    expect(await refused('models.download', { url: 'http://127.0.0.1:9/x.onnx', sha256: sha256(payload), id: builtInId, task: 'upscale', licence: 'MIT' })).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'MODEL_BUILT_IN' },
    });
    expect((await refused('models.download', { url: 'ftp://example.org/x.onnx', sha256: sha256(payload), id: 'ftp', task: 'upscale', licence: 'MIT' })).code).toBe('VALIDATION');
    expect((await refused('models.download', { url: 'http://127.0.0.1:9/x.onnx', sha256: 'abc', id: 'short', task: 'upscale', licence: 'MIT' })).code).toBe('VALIDATION');
  });

  it('cancels a running download keeping the partial file, then resumes it to the end', async () => {
    server = await startLoopbackServer((req, res) => serveWithRange(req, res, payload, { chunks: 40, delayMs: 40 }));
    await ok('models.download', { url: server.url(), sha256: sha256(payload), id: 'slow', task: 'face-embedding', licence: 'MIT' });
    await expect.poll(() => eventsOf('models.progress').some((p) => p.id === 'slow' && p.phase === 'receiving' && p.bytes > 0)).toBe(true);
    await ok('models.cancelDownload', { id: 'slow' });
    const paused = (await ok('models.list', {})).find((m) => m.id === 'slow');
    expect(paused?.status).toBe('paused');
    expect(paused?.progress?.bytes).toBeGreaterThan(0);
    expect(eventsOf('models.changed').find((e) => e.id === 'slow')?.error?.code).toBe('CANCELLED');

    await ok('models.resumeDownload', { id: 'slow' });
    await expect.poll(async () => (await ok('models.list', {})).find((m) => m.id === 'slow')?.status, { timeout: 20_000 }).toBe('installed');
    // The second request continued from the partial file.
    expect(server.requests.at(-1)?.range).toMatch(/^bytes=[1-9]\d*-$/);
    expect(existsSync(path.join(dataDir, 'models', 'slow.onnx.part'))).toBe(false);
  });
});
