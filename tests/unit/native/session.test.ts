import { describe, expect, it } from 'vitest';
import { OnnxGraphBuilder } from '../../../models/convert/onnx/graph-builder';
import { createSession, describeProvider, SessionCache } from '../../../native/runtime/session';
import { providerPlan } from '../../../native/runtime/providers';

function tinyModel(): Uint8Array {
  const g = new OnnxGraphBuilder('relu');
  g.input('x', [1, 4]);
  g.node('Relu', ['x'], ['y']);
  g.output('y', [1, 4]);
  return g.toBytes();
}

describe('execution providers', () => {
  it('plans CUDA > DirectML > CoreML > CPU by platform', () => {
    expect(providerPlan('auto', 'win32')).toEqual(['cuda', 'dml', 'cpu']);
    expect(providerPlan('auto', 'darwin')).toEqual(['coreml', 'cpu']);
    expect(providerPlan('auto', 'linux')).toEqual(['cuda', 'cpu']);
    expect(providerPlan('cuda', 'linux')).toEqual(['cuda', 'cpu']);
    expect(providerPlan('cpu', 'win32')).toEqual(['cpu']);
  });

  it('asking for CUDA on this machine yields a working CPU session and a reason', async () => {
    const loaded = await createSession(tinyModel(), { preference: 'cuda' });
    expect(loaded.provider).toBe('cpu');
    expect(loaded.fallbacks.length).toBe(1);
    expect(loaded.fallbacks[0]).toMatch(/CUDA libraries are not installed/);
    expect(describeProvider(loaded)).toMatch(/^Using CPU \(CUDA/);
    const ort = await import('onnxruntime-node');
    const out = await loaded.session.run({ x: new ort.Tensor('float32', Float32Array.from([-1, 2, -3, 4]), [1, 4]) });
    expect(Array.from(out.y.data as Float32Array)).toEqual([0, 2, 0, 4]);
  });

  it('a provider that throws at session creation falls back instead of crashing', async () => {
    const ort = await import('onnxruntime-node');
    const loaded = await createSession(tinyModel(), {
      preference: 'cuda',
      backends: [{ name: 'cpu', bundled: true }, { name: 'cuda', bundled: false }],
      cudaLibrariesPresent: true,
      create: (m, o) => {
        if (o.executionProviders?.[0] === 'cuda') throw new Error('libcudart.so.12: cannot open shared object file');
        return ort.InferenceSession.create(m as Uint8Array, o);
      },
    });
    expect(loaded.provider).toBe('cpu');
    expect(loaded.fallbacks[0]).toMatch(/CUDA failed to start: libcudart/);
  });

  it('caches sessions per model path and does not cache failures', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-sess-'));
    const file = path.join(dir, 'm.onnx');
    const cache = new SessionCache();
    await expect(cache.get(file)).rejects.toThrow();
    fs.writeFileSync(file, tinyModel());
    const a = await cache.get(file);
    const b = await cache.get(file);
    expect(a).toBe(b);
    await cache.dispose();
    fs.rmSync(dir, { recursive: true });
  });
});

describe('off-thread inference', () => {
  it('runs sessions from a SessionCache on a worker: the event loop keeps ticking during a long run', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const ort = await import('onnxruntime-node');
    // A deliberately slow graph: a chain of large MatMuls (no model file needed).
    const g = new OnnxGraphBuilder('slow');
    let x = g.input('x', [512, 512]);
    const w = g.constFloat('w', new Float32Array(512 * 512).fill(1 / 512), [512, 512]);
    for (let i = 0; i < 60; i++) x = g.op('MatMul', [x, w]);
    g.node('Identity', [x], ['y']);
    g.output('y', [512, 512]);
    const dir = fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'pl-worker-'));
    const file = path.join(dir, 'slow.onnx');
    fs.writeFileSync(file, g.toBytes());
    const cache = new SessionCache({ intraOpThreads: 1 });
    const { session } = await cache.get(file);
    const feeds = { x: new ort.Tensor('float32', new Float32Array(512 * 512).fill(1), [512, 512]) };
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const t0 = performance.now();
    const out = await session.run(feeds);
    const ms = performance.now() - t0;
    clearInterval(timer);
    expect((out.y.data as Float32Array)[0]).toBeCloseTo(1, 3);
    // Had the run held this thread, no tick could have fired until it returned.
    expect(ms).toBeGreaterThan(50);
    expect(ticks).toBeGreaterThan(ms / 5 / 4);
    // The same graph loaded in-process really does hold the thread (what the worker avoids).
    const inline = await createSession(file, { intraOpThreads: 1 });
    let inlineTicks = 0;
    const t2 = setInterval(() => inlineTicks++, 5);
    await inline.session.run(feeds);
    clearInterval(t2);
    expect(inlineTicks).toBe(0);
    await inline.session.release();
    await cache.dispose();
    fs.rmSync(dir, { recursive: true });
  });
});

describe('inference worker script', () => {
  it('uses the bundled session-worker.js next to the module when a build has one, else the .ts source', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const { workerScriptUrl } = await import('../../../native/runtime/inference-worker');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-wurl-'));
    const base = pathToFileURL(path.join(dir, 'index.js'));
    expect(workerScriptUrl(base).pathname.endsWith('/session-worker.ts')).toBe(true);
    fs.writeFileSync(path.join(dir, 'session-worker.js'), '');
    expect(workerScriptUrl(base).pathname.endsWith('/session-worker.js')).toBe(true);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('inference worker lifetime', () => {
  it('keeps a process alive while a run is pending, and lets it exit once idle', async () => {
    const { spawnSync } = await import('node:child_process');
    const path = await import('node:path');
    const root = path.resolve(import.meta.dirname, '..', '..', '..');
    // A script whose only pending work is an inference: it must finish (exit 0 after printing),
    // not exit 13 with an unsettled top-level await, and must not hang afterwards.
    const script = `
      import { OnnxGraphBuilder } from './models/convert/onnx/graph-builder.ts';
      import { SessionCache } from './native/runtime/session.ts';
      import * as ort from 'onnxruntime-node';
      import { writeFileSync, mkdtempSync } from 'node:fs';
      import { tmpdir } from 'node:os';
      import { join } from 'node:path';
      const g = new OnnxGraphBuilder('relu'); g.input('x', [1, 4]); g.node('Relu', ['x'], ['y']); g.output('y', [1, 4]);
      const file = join(mkdtempSync(join(tmpdir(), 'pl-life-')), 'relu.onnx');
      writeFileSync(file, g.toBytes());
      const cache = new SessionCache();
      const { session } = await cache.get(file);
      const out = await session.run({ x: new ort.Tensor('float32', Float32Array.from([-1, 2, -3, 4]), [1, 4]) });
      console.log('result', Array.from(out.y.data).join(','));
    `;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('result 0,2,0,4');
  }, 90_000);
});
