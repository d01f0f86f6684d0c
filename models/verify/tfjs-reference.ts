// The reference a converted model is checked against: the same model.json and weight bytes
// run by pure-JS @tensorflow/tfjs (cpu backend: float32, no native code), so any difference
// comes from our conversion, not from a different runtime build.
import * as tf from '@tensorflow/tfjs';
import type { LoadedTfjsModel } from '../convert/tfjs/load';

export type TfjsBackend = 'cpu' | 'wasm';

let wasmPathsSet = false;

/**
 * Makes `backend` the active tfjs backend (quietly: no "use tfjs-node" banner). 'cpu' is the
 * verification reference; 'wasm' is only for speed comparisons in the benchmark.
 */
export async function useTfjsBackend(backend: TfjsBackend): Promise<void> {
  if (tf.getBackend() === backend) return;
  tf.env().set('IS_TEST', true);
  tf.env().set('PROD', true);
  if (backend === 'wasm' && !wasmPathsSet) {
    const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
    const { createRequire } = await import('node:module');
    const path = await import('node:path');
    const dist = path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    setWasmPaths(`${dist}${path.sep}`);
    wasmPathsSet = true;
  }
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs backend ${backend} could not start`);
  await tf.ready();
}

export interface TfjsReference {
  /** Runs the model on one NHWC float32 input; returns each requested output, flattened. */
  run(input: Float32Array, shape: number[]): Promise<Float32Array[]>;
  dispose(): void;
}

function concatBytes(parts: Uint8Array[]): ArrayBuffer {
  const total = parts.reduce((a, p) => a + p.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out.buffer;
}

export async function loadTfjsReference(loaded: LoadedTfjsModel, inputNode: string, outputNodes: string[], backend: TfjsBackend = 'cpu'): Promise<TfjsReference> {
  await useTfjsBackend(backend);
  const handler = tf.io.fromMemory({
    modelTopology: loaded.model.modelTopology as unknown as tf.io.ModelJSON['modelTopology'],
    weightSpecs: loaded.model.weightsManifest.flatMap((g) => g.weights) as tf.io.WeightsManifestEntry[],
    weightData: concatBytes(loaded.shards.flat()),
  });
  const model = await tf.loadGraphModel(handler);
  return {
    async run(input, shape) {
      await useTfjsBackend(backend);
      const x = tf.tensor(input, shape, 'float32');
      try {
        const out = model.execute({ [inputNode]: x }, outputNodes);
        const list = Array.isArray(out) ? out : [out];
        const data = await Promise.all(list.map((t) => t.data() as Promise<Float32Array>));
        tf.dispose(list);
        return data.map((d) => Float32Array.from(d));
      } finally {
        x.dispose();
      }
    },
    dispose() {
      model.dispose();
    },
  };
}
