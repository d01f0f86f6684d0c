// The reference a converted model is checked against: the same model.json and weight bytes
// run by pure-JS @tensorflow/tfjs (cpu backend: float32, no native code), so any difference
// comes from our conversion, not from a different runtime build.
import * as tf from '@tensorflow/tfjs';
import type { LoadedTfjsModel } from '../convert/tfjs/load';

let backendReady: Promise<void> | null = null;

/** Selects tfjs's cpu backend once per process (quietly: no "use tfjs-node" banner). */
export function ensureTfjsCpu(): Promise<void> {
  backendReady ??= (async () => {
    tf.env().set('IS_TEST', true);
    tf.env().set('PROD', true);
    await tf.setBackend('cpu');
    await tf.ready();
  })();
  return backendReady;
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

export async function loadTfjsReference(loaded: LoadedTfjsModel, inputNode: string, outputNodes: string[]): Promise<TfjsReference> {
  await ensureTfjsCpu();
  const handler = tf.io.fromMemory({
    modelTopology: loaded.model.modelTopology as unknown as tf.io.ModelJSON['modelTopology'],
    weightSpecs: loaded.model.weightsManifest.flatMap((g) => g.weights) as tf.io.WeightsManifestEntry[],
    weightData: concatBytes(loaded.shards.flat()),
  });
  const model = await tf.loadGraphModel(handler);
  return {
    async run(input, shape) {
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
