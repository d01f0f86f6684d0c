// Builds small TFJS graph models in memory (model.json + one weight shard) so converter
// tests can check single ops against tfjs itself on shapes chosen to expose layout bugs.
import * as ort from 'onnxruntime-node';
import { convertTfjsGraph, type TfjsConvertOptions } from '../../../models/convert/tfjs/convert';
import { decodeOnnx } from '../../../models/convert/onnx/graph-builder';
import { parseModelJson, type TfjsModelJson } from '../../../models/convert/tfjs/model-json';
import { decodeWeights } from '../../../models/convert/tfjs/weights';
import type { LoadedTfjsModel } from '../../../models/convert/tfjs/load';
import { loadTfjsReference } from '../../../models/verify/tfjs-reference';
import { createRng } from '../../../native/random/prng';

type AttrJson = Record<string, unknown>;

export const a = {
  ints: (v: number[]): AttrJson => ({ list: { i: v.map(String) } }),
  i: (v: number): AttrJson => ({ i: String(v) }),
  f: (v: number): AttrJson => ({ f: v }),
  b: (v: boolean): AttrJson => ({ b: v }),
  s: (v: string): AttrJson => ({ s: Buffer.from(v).toString('base64') }),
  strs: (v: string[]): AttrJson => ({ list: { s: v.map((x) => Buffer.from(x).toString('base64')) } }),
  float: (): AttrJson => ({ type: 'DT_FLOAT' }),
};

export class GraphFixture {
  private nodes: Record<string, unknown>[] = [];
  private weights: { name: string; shape: number[]; dtype: string; data: Float32Array | Int32Array }[] = [];
  private rng = createRng(7);

  input(name: string, shape: number[]): string {
    this.nodes.push({ name, op: 'Placeholder', attr: { dtype: a.float(), shape: { shape: { dim: shape.map((d) => ({ size: String(d) })) } } } });
    return name;
  }

  const(name: string, data: number[] | Float32Array, shape: number[], dtype: 'float32' | 'int32' = 'float32'): string {
    const arr = dtype === 'int32' ? Int32Array.from(data) : Float32Array.from(data);
    this.weights.push({ name, shape, dtype, data: arr });
    this.nodes.push({ name, op: 'Const', attr: { dtype: { type: dtype === 'int32' ? 'DT_INT32' : 'DT_FLOAT' }, value: { tensor: { dtype: 'DT_FLOAT' } } } });
    return name;
  }

  /** A float constant of seeded noise in [-1, 1). */
  noise(name: string, shape: number[]): string {
    const n = shape.reduce((x, y) => x * y, 1);
    return this.const(name, Array.from({ length: n }, () => this.rng.range(-1, 1)), shape);
  }

  node(name: string, op: string, inputs: string[], attr: AttrJson = {}): string {
    this.nodes.push({ name, op, input: inputs, attr: { T: a.float(), ...attr } });
    return name;
  }

  build(): LoadedTfjsModel {
    const bytes = this.weights.map((w) => new Uint8Array(w.data.buffer.slice(0)));
    const json = {
      format: 'graph-model',
      modelTopology: { node: this.nodes, library: {}, versions: {} },
      weightsManifest: [{ paths: ['w.bin'], weights: this.weights.map(({ name, shape, dtype }) => ({ name, shape, dtype })) }],
    };
    const model: TfjsModelJson = parseModelJson(JSON.stringify(json), 'fixture');
    const shard = new Uint8Array(bytes.reduce((s, b) => s + b.byteLength, 0));
    let at = 0;
    for (const b of bytes) {
      shard.set(b, at);
      at += b.byteLength;
    }
    return { model, weights: decodeWeights(model.weightsManifest, [[shard]], 'fixture'), shards: [[shard]] };
  }
}

export interface OpCheck {
  maxAbsError: number;
  onnxOps: string[];
  /** How many Transpose nodes the converted graph has (layout changes cost a copy each). */
  transposes: number;
  ortShape: readonly number[];
  tfjs: Float32Array;
  ort: Float32Array;
}

/** Converts the fixture, runs ORT and tfjs on the same seeded input and returns both. */
export async function runBoth(loaded: LoadedTfjsModel, output: string, inputShape: number[], opts: Partial<TfjsConvertOptions> = {}, seed = 11): Promise<OpCheck> {
  const conv = convertTfjsGraph(loaded.model, loaded.weights, { label: 'fixture', outputs: [{ node: output, name: 'out' }], ...opts });
  const rng = createRng(seed);
  const n = inputShape.reduce((x, y) => x * y, 1);
  const x = Float32Array.from({ length: n }, () => rng.range(-2, 2));
  const session = await ort.InferenceSession.create(conv.bytes);
  const r = await session.run({ [conv.inputs[0].name]: new ort.Tensor('float32', x, inputShape) });
  await session.release();
  const placeholder = loaded.model.modelTopology.node.find((q) => q.op === 'Placeholder')!.name;
  const ref = await loadTfjsReference(loaded, placeholder, [output]);
  const [want] = await ref.run(x, inputShape);
  ref.dispose();
  const got = r.out.data as Float32Array;
  let max = got.length === want.length ? 0 : Infinity;
  for (let i = 0; i < Math.min(got.length, want.length); i++) max = Math.max(max, Math.abs(got[i] - want[i]) || (Number.isNaN(got[i] - want[i]) ? Infinity : 0));
  const transposes = (decodeOnnx(conv.bytes).graph?.node ?? []).filter((q) => q.opType === 'Transpose').length;
  return { maxAbsError: max, transposes, onnxOps: conv.onnxOps, ortShape: r.out.dims, tfjs: want, ort: got };
}
