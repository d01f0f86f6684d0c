// Tiny ONNX models for the contract checks, built with the project's graph builder.
import { createHash } from 'node:crypto';
import { attr, OnnxGraphBuilder } from '../../../../models/convert/onnx/graph-builder';
import type { CatalogEntry, ModelTask } from '../../../../models/catalog-types';

/**
 * A face-embedding model: NHWC [1, side, side, 3] → mean colour [1, 3] → MatMul with a
 * [3, length] weight → [1, length]. `length` makes the file as large as a test needs.
 */
export function embeddingModel(opts: { side?: number; length?: number } = {}): Uint8Array {
  const side = opts.side ?? 112;
  const length = opts.length ?? 8;
  const g = new OnnxGraphBuilder('tiny-embedding');
  const x = g.input('image', [1, side, side, 3]);
  const mean = g.op('ReduceMean', [x], { axes: attr.ints([1, 2]), keepdims: attr.i(0) });
  const w = new Float32Array(3 * length);
  for (let i = 0; i < w.length; i++) w[i] = ((i * 2654435761) % 1000) / 1000 - 0.5;
  g.node('MatMul', [mean, g.constFloat('w', w, [3, length])], ['embedding']);
  g.output('embedding', [1, length]);
  return g.toBytes();
}

/** An upscaler made of one nearest-neighbour Resize: NCHW, dynamic H/W, `factor`× out. */
export function upscaleModel(factor: number): Uint8Array {
  const g = new OnnxGraphBuilder('tiny-upscale');
  const x = g.input('image', [1, 3, 'height', 'width']);
  g.node('Resize', [x, '', g.constFloat('scales', [1, 1, factor, factor])], ['upscaled'], { mode: attr.s('nearest') });
  g.output('upscaled', [1, 3, 'out_height', 'out_width']);
  return g.toBytes();
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A catalog entry for a built-in model in list() tests; only the fields list() reads matter. */
export function catalogEntry(id: string, task: ModelTask, bytes: Uint8Array, extra: Partial<CatalogEntry> = {}): CatalogEntry {
  return {
    id,
    task,
    title: `Test ${id}`,
    file: `${id}.onnx`,
    sha256: sha256(bytes),
    bytes: bytes.length,
    io: { inputs: [], outputs: [], preprocessing: 'none' },
    provenance: { upstream: 'test', weightsLicence: 'Apache-2.0', npmPackage: 'none', npmVersion: '0', packageLicence: 'MIT', sourceFormat: 'onnx' },
    verification: { reference: 'test', maxAbsError: 2.5e-5, outputRange: 1, inputs: 'noise', measuredAt: '2026-11-24T00:00:00.000Z' },
    ...extra,
  };
}
