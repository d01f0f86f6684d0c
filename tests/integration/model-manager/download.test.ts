// Downloads against loopback servers started here: progress, resume after a dropped
// connection, servers that ignore Range or send the wrong bytes, cancel and resume.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JsonFileRegistry, ModelManager, isModelError, type DownloadProgress, type DownloadRequest } from '../../../electron/app/models';
import { serveThenDrop, serveWithRange, startLoopbackServer, type LoopbackServer } from './helpers/loopback-server';
import { embeddingModel, sha256 } from './helpers/models';

// ~1.5 MB: large enough for several progress events and a meaningful "half way".
const payload = embeddingModel({ length: 131_072 });
const payloadSha = sha256(payload);
const half = Math.floor(payload.length / 2);

let dir: string;
let server: LoopbackServer | undefined;
let manager: ModelManager;

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'pairlight-mm-dl-'));
  manager = new ModelManager({ modelsDir: dir, transfer: { backoffMs: 10, maxBackoffMs: 40, idleTimeoutMs: 5_000 } });
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  await fs.rm(dir, { recursive: true, force: true });
});

function request(url: string, extra: Partial<DownloadRequest> = {}): DownloadRequest {
  return { url, sha256: payloadSha, id: 'my-embedder', task: 'face-embedding', licence: 'MIT', ...extra };
}

async function caught(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}

async function installedFile(id: string): Promise<Uint8Array> {
  return new Uint8Array(await fs.readFile(path.join(dir, `${id}.onnx`)));
}

describe('ModelManager.download', () => {
  it('downloads a whole file with progress, verifies it and installs it', async () => {
    server = await startLoopbackServer((req, res) => serveWithRange(req, res, payload, { chunks: 20, delayMs: 25 }));
    const events: DownloadProgress[] = [];
    const broadcast: string[] = [];
    manager.onEvent((e) => broadcast.push(e.type));
    const item = await manager.download(request(server.url()), { onProgress: (p) => events.push(p) });

    expect(item).toMatchObject({ id: 'my-embedder', status: 'installed', source: 'downloaded', task: 'face-embedding', licence: 'MIT', sha256: payloadSha });
    expect(sha256(await installedFile('my-embedder'))).toBe(payloadSha);
    const receiving = events.filter((e) => e.phase === 'receiving');
    expect(receiving.length).toBeGreaterThan(3);
    for (let i = 1; i < receiving.length; i++) expect(receiving[i].bytes).toBeGreaterThanOrEqual(receiving[i - 1].bytes);
    expect(receiving.at(-1)).toMatchObject({ bytes: payload.length, total: payload.length });
    expect(receiving.some((e) => e.rate > 0)).toBe(true);
    expect(events.map((e) => e.phase)).toEqual(expect.arrayContaining(['connecting', 'verifying', 'checking', 'installing']));
    expect(await fs.readdir(dir)).not.toContain('my-embedder.onnx.part');
    // The same progress reaches subscribers (the contract's event stream), bracketed by list changes.
    expect(broadcast.filter((t) => t === 'download-progress')).toHaveLength(events.length);
    expect(broadcast[0]).toBe('changed');
    expect(broadcast.at(-1)).toBe('changed');
    const listed = await manager.list();
    expect(listed).toEqual([expect.objectContaining({ id: 'my-embedder', status: 'installed', source: 'downloaded' })]);
  });

  it('resumes with Range after the connection drops half way and ends with the right sha256', async () => {
    server = await startLoopbackServer((req, res, i) => (i === 0 ? serveThenDrop(res, payload, half) : serveWithRange(req, res, payload)));
    await manager.download(request(server.url()));

    expect(server.requests.map((r) => r.range)).toEqual([undefined, `bytes=${half}-`]);
    expect(sha256(await installedFile('my-embedder'))).toBe(payloadSha);
  });

  it('drops a connection that stalls, then resumes it', async () => {
    server = await startLoopbackServer(async (req, res, i) => {
      if (i > 0) return serveWithRange(req, res, payload);
      res.writeHead(200, { 'content-length': payload.length });
      res.write(payload.subarray(0, half));
      // then say nothing: the client's idle timeout must notice and retry
    });
    const stalled = new ModelManager({ modelsDir: dir, transfer: { backoffMs: 10, idleTimeoutMs: 300 } });
    const notes: string[] = [];
    await stalled.download(request(server.url()), { onProgress: (p) => p.note && notes.push(p.note) });

    expect(server.requests.map((r) => r.range)).toEqual([undefined, `bytes=${half}-`]);
    expect(notes[0]).toMatch(/no data from the server for 0 s|connection dropped/);
    expect(sha256(await installedFile('my-embedder'))).toBe(payloadSha);
  });

  it('keeps resuming while each attempt brings new bytes, across many drops', async () => {
    const slice = 200_000;
    server = await startLoopbackServer(async (req, res) => {
      const start = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
      const end = Math.min(payload.length, start + slice);
      res.writeHead(start ? 206 : 200, {
        'content-length': payload.length - start,
        ...(start ? { 'content-range': `bytes ${start}-${payload.length - 1}/${payload.length}` } : {}),
      });
      await new Promise<void>((resolve) => res.write(payload.subarray(start, end), () => resolve()));
      if (end === payload.length) return void res.end();
      await new Promise((r) => setTimeout(r, 30));
      res.socket?.destroy();
    });
    await manager.download(request(server.url()));

    // 4 failures in a row would give up; here every attempt made progress, so none counted.
    // destroy() resets the connection, which may discard a few unread bytes: at least this many.
    expect(server.requests.length).toBeGreaterThanOrEqual(Math.ceil(payload.length / slice));
    const starts = server.requests.map((r) => Number(/^bytes=(\d+)-$/.exec(r.range ?? '')?.[1] ?? 0));
    for (let i = 1; i < starts.length; i++) expect(starts[i]).toBeGreaterThan(starts[i - 1]);
    expect(sha256(await installedFile('my-embedder'))).toBe(payloadSha);
  });

  it('starts over when the server ignores Range and answers 200 with the whole file', async () => {
    server = await startLoopbackServer(async (_req, res, i) => {
      if (i === 0) return serveThenDrop(res, payload, half);
      res.writeHead(200, { 'content-length': payload.length });
      res.end(payload);
    });
    await manager.download(request(server.url()));

    expect(server.requests.map((r) => r.range)).toEqual([undefined, `bytes=${half}-`]);
    // Appending the full body to the first half would have made a 1.5× file with the wrong hash.
    expect(sha256(await installedFile('my-embedder'))).toBe(payloadSha);
  });

  it('restarts from zero when a 206 answer does not continue where the file stopped', async () => {
    server = await startLoopbackServer((req, res, i) => {
      if (i === 0) return serveThenDrop(res, payload, half);
      if (i === 1) {
        res.writeHead(206, { 'content-length': payload.length - 10, 'content-range': `bytes 10-${payload.length - 1}/${payload.length}` });
        res.end(payload.subarray(10));
        return;
      }
      return serveWithRange(req, res, payload);
    });
    await manager.download(request(server.url()));

    expect(server.requests.map((r) => r.range)).toEqual([undefined, `bytes=${half}-`, undefined]);
    expect(sha256(await installedFile('my-embedder'))).toBe(payloadSha);
  });

  it('completes a download whose size the server does not announce (chunked)', async () => {
    server = await startLoopbackServer(async (_req, res) => {
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      for (let at = 0; at < payload.length; at += 256 * 1024) res.write(payload.subarray(at, at + 256 * 1024));
      res.end();
    });
    const events: DownloadProgress[] = [];
    await manager.download(request(server.url()), { onProgress: (p) => events.push(p) });
    // Unknown while receiving; once the body ends its length is the total.
    expect(events.find((e) => e.phase === 'connecting')?.total).toBeNull();
    expect(events.filter((e) => e.phase === 'receiving').at(-1)).toMatchObject({ bytes: payload.length, total: payload.length });
    expect(sha256(await installedFile('my-embedder'))).toBe(payloadSha);
  });

  it('after a crash with the whole file already in .part, asks for the rest, gets 416, verifies and installs', async () => {
    server = await startLoopbackServer((req, res) => serveWithRange(req, res, payload));
    await new JsonFileRegistry(path.join(dir, 'registry.json')).putPending({
      id: 'my-embedder',
      title: 'my-embedder',
      url: server.url(),
      sha256: payloadSha,
      bytes: null,
      task: 'face-embedding',
      licence: 'MIT',
      startedAt: '2026-11-24T00:00:00.000Z',
    });
    await fs.writeFile(path.join(dir, 'my-embedder.onnx.part'), payload);
    expect(await manager.list()).toEqual([expect.objectContaining({ status: 'paused', progress: { bytes: payload.length, total: null } })]);

    await manager.resumeDownload('my-embedder');
    expect(server.requests.map((r) => r.range)).toEqual([`bytes=${payload.length}-`]);
    expect(await manager.list()).toEqual([expect.objectContaining({ id: 'my-embedder', status: 'installed' })]);
  });

  it('refuses a file with the wrong bytes: says both hashes, installs nothing, removes the .part', async () => {
    // A copy: the builder returns a Node Buffer, whose slice() would be a view of payload.
    const tampered = new Uint8Array(payload);
    tampered[half] ^= 0xff;
    server = await startLoopbackServer((req, res) => serveWithRange(req, res, tampered));
    const err = await caught(manager.download(request(server.url())));

    expect(isModelError(err, 'SHA_MISMATCH')).toBe(true);
    expect((err as Error).message).toContain(`sha256 expected ${payloadSha} got ${sha256(tampered)}`);
    expect((err as { code: string }).code).toBe('MODEL_INVALID');
    expect(await fs.readdir(dir)).toEqual(['registry.json']);
    expect(await manager.list()).toEqual([]);
  });

  it('refuses a file with the right checksum that fails the task contract, and keeps nothing', async () => {
    const wrongTask = embeddingModel({ side: 96 });
    server = await startLoopbackServer((req, res) => serveWithRange(req, res, wrongTask));
    const err = await caught(manager.download(request(server.url(), { sha256: sha256(wrongTask) })));

    expect(isModelError(err, 'CONTRACT_MISMATCH')).toBe(true);
    expect((err as Error).message).toContain("input 'image' (image) dimension 1 is 96, must be 112");
    expect(await fs.readdir(dir)).toEqual(['registry.json']);
  });

  it('refuses a body longer than the size the user gave, before reading all of it', async () => {
    server = await startLoopbackServer((req, res) => serveWithRange(req, res, payload));
    const err = await caught(manager.download(request(server.url(), { bytes: payload.length - 1 })));

    expect(isModelError(err, 'SIZE_MISMATCH')).toBe(true);
    expect((err as Error).message).toContain(`${payload.length} bytes, but ${payload.length - 1} bytes were expected`);
    expect(await fs.readdir(dir)).toEqual(['registry.json']);
  });

  it('cancels mid-way keeping the .part, lists it as paused, then resumes from where it stopped', async () => {
    server = await startLoopbackServer((req, res) => serveWithRange(req, res, payload, { chunks: 40, delayMs: 20 }));
    const controller = new AbortController();
    const err = await caught(
      manager.download(request(server.url()), {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.bytes > payload.length / 3) controller.abort();
        },
      }),
    );
    expect(isModelError(err, 'DOWNLOAD_CANCELLED')).toBe(true);
    expect((err as { code: string }).code).toBe('CANCELLED');

    const kept = (await fs.stat(path.join(dir, 'my-embedder.onnx.part'))).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(payload.length);
    expect(await manager.list()).toEqual([expect.objectContaining({ id: 'my-embedder', status: 'paused', progress: { bytes: kept, total: null } })]);

    // A new manager over the same folder stands for the next launch: the stored request resumes.
    await new ModelManager({ modelsDir: dir }).resumeDownload('my-embedder');
    expect(server.requests.at(-1)?.range).toBe(`bytes=${kept}-`);
    expect(sha256(await installedFile('my-embedder'))).toBe(payloadSha);
    expect(await manager.list()).toEqual([expect.objectContaining({ id: 'my-embedder', status: 'installed' })]);
  });

  it('cancelDownload with discard stops a running download and deletes its .part', async () => {
    server = await startLoopbackServer((req, res) => serveWithRange(req, res, payload, { chunks: 40, delayMs: 20 }));
    let cancelled: Promise<void> | undefined;
    const running = manager.download(request(server.url()), {
      onProgress: (p) => {
        if (!cancelled && p.bytes > 0 && p.phase === 'receiving') cancelled = manager.cancelDownload('my-embedder', { discard: true });
      },
    });
    const failure = caught(running);
    await vi.waitFor(() => expect(cancelled).toBeDefined());
    // cancelDownload resolves only after the download has stopped and cleaned up.
    await cancelled;
    expect(await fs.readdir(dir)).toEqual(['registry.json']);
    expect(isModelError(await failure, 'DOWNLOAD_CANCELLED')).toBe(true);
    expect(await manager.list()).toEqual([]);
  });

  it('gives up after a bounded number of attempts when the server keeps failing, saying why', async () => {
    server = await startLoopbackServer((_req, res) => {
      res.writeHead(503, 'Service Unavailable').end();
    });
    const err = await caught(manager.download(request(server.url())));

    expect(isModelError(err, 'DOWNLOAD_NETWORK')).toBe(true);
    expect((err as Error).message).toMatch(/failed after 5 attempts \(last: the server answered 503 Service Unavailable\)/);
    expect(server.requests).toHaveLength(5);
  });

  it('does not retry a 404 and says what the server answered', async () => {
    server = await startLoopbackServer((_req, res) => {
      res.writeHead(404, 'Not Found').end();
    });
    const err = await caught(manager.download(request(server.url())));
    expect(isModelError(err, 'DOWNLOAD_HTTP')).toBe(true);
    expect((err as Error).message).toContain('answered 404 Not Found');
    expect(server.requests).toHaveLength(1);
  });

  it('only accepts http and https, also for redirects', async () => {
    expect(isModelError(await caught(manager.download(request('ftp://example.com/m.onnx'))), 'URL_NOT_ALLOWED')).toBe(true);
    expect(isModelError(await caught(manager.download(request('file:///etc/passwd'))), 'URL_NOT_ALLOWED')).toBe(true);

    server = await startLoopbackServer((req, res) => {
      if (req.url === '/moved') return serveWithRange(req, res, payload);
      res.writeHead(302, { location: req.url === '/to-file' ? 'file:///etc/passwd' : '/moved' }).end();
    });
    const err = await caught(manager.download(request(server.url('/to-file'))));
    expect(isModelError(err, 'URL_NOT_ALLOWED')).toBe(true);
    expect((err as Error).message).toContain('redirected to an address that uses file');

    await manager.download(request(server.url('/http-redirect')));
    expect(sha256(await installedFile('my-embedder'))).toBe(payloadSha);
  });

  it('refuses a second download of the same id while the first runs, and an id already installed', async () => {
    server = await startLoopbackServer((req, res) => serveWithRange(req, res, payload, { chunks: 10, delayMs: 20 }));
    const first = manager.download(request(server.url()));
    expect(isModelError(await caught(manager.download(request(server.url()))), 'DOWNLOAD_BUSY')).toBe(true);
    await first;
    expect(isModelError(await caught(manager.download(request(server.url()))), 'MODEL_EXISTS')).toBe(true);
    expect(isModelError(await caught(manager.download(request(server.url(), { id: '../escape' }))), 'MODEL_ID_INVALID')).toBe(true);
    expect(isModelError(await caught(manager.download(request(server.url(), { id: 'other', sha256: 'abc' }))), 'SHA256_INVALID')).toBe(true);
  });
});
