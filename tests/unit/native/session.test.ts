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
