// The converter on real graphs that are not shipped: MediaPipe Meet (MatMul, BiasAdd and
// Reshape around a dense block; not in the catalog because its licence is unclear) must
// match tfjs, and graphs with unsupported parts must fail with the model and op named.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { convertTfjsGraph } from '../../../models/convert/tfjs/convert';
import { loadTfjsModel } from '../../../models/convert/tfjs/load';
import { signatureOutputs } from '../../../models/convert/tfjs/model-json';
import { packageDir } from '../../../models/recipes/package-dir';
import { HUMAN_MODELS_PACKAGE } from '../../../models/recipes/tfjs-recipe';
import { demoPhotoPaths, noiseInput, photoInput } from '../../../models/verify/inputs';
import { loadTfjsReference } from '../../../models/verify/tfjs-reference';

const modelFile = (name: string) => path.join(packageDir(HUMAN_MODELS_PACKAGE), 'models', `${name}.json`);

describe('TFJS converter on unshipped real graphs', () => {
  it('meet (segmentation with dense layers) matches tfjs within 1e-3 of the output range', async () => {
    const loaded = loadTfjsModel(modelFile('meet'), 'meet');
    const conv = convertTfjsGraph(loaded.model, loaded.weights, { label: 'meet', inputName: 'image', outputs: [{ node: 'segment', name: 'segment' }] });
    expect(conv.onnxOps).toEqual(expect.arrayContaining(['MatMul', 'ConvTranspose', 'Resize', 'AveragePool']));
    const session = await ort.InferenceSession.create(conv.bytes);
    const ref = await loadTfjsReference(loaded, 'input_1', signatureOutputs(loaded.model));
    const inputs = [noiseInput([1, 144, 256, 3], [0, 1], 3), await photoInput(demoPhotoPaths()[1], [1, 144, 256, 3], [0, 1])];
    for (const input of inputs) {
      const got = (await session.run({ image: new ort.Tensor('float32', input.data, input.shape) })).segment.data as Float32Array;
      const [want] = await ref.run(input.data, input.shape);
      let err = 0, lo = Infinity, hi = -Infinity;
      for (let i = 0; i < want.length; i++) {
        err = Math.max(err, Math.abs(got[i] - want[i]));
        lo = Math.min(lo, want[i]);
        hi = Math.max(hi, want[i]);
      }
      expect(got.length).toBe(144 * 256 * 2);
      expect(err, input.label).toBeLessThanOrEqual(1e-3 * (hi - lo));
    }
    ref.dispose();
    await session.release();
  });

  it('facemesh-attention fails naming the model, the node and the unsupported use', () => {
    const loaded = loadTfjsModel(modelFile('facemesh-attention'), 'facemesh-attention');
    expect(() => convertTfjsGraph(loaded.model, loaded.weights, { label: 'facemesh-attention' })).toThrow(
      /^facemesh-attention: node .*StridedSlice.* \(StridedSlice\): StridedSlice of a run-time tensor is not supported/,
    );
  });

  it('a missing model.json names the model and says what to do', () => {
    const missing = path.join(os.tmpdir(), `pairlight-no-such-dir-${process.pid}`, 'nope.json');
    expect(fs.existsSync(missing)).toBe(false);
    expect(() => loadTfjsModel(missing, 'nope')).toThrow(/^nope: cannot read model\.json .*\(ENOENT\); run npm install/);
  });
});
