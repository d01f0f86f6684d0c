// What an imported or downloaded model must look like for each task, as data. A model that
// passes is one the pipeline step for that task can feed and read without surprises.
import type { ModelTask } from '../../../models/catalog-types';

/**
 * A rule for one dimension: a fixed size; 'dynamic' (must be symbolic, e.g. height/width
 * that follow the image); 'batch' (1 or symbolic: we always run one item); 'any' (a fixed
 * or symbolic size, e.g. the embedding length).
 */
export type DimRule = number | 'dynamic' | 'batch' | 'any';

export interface TensorRule {
  /** What this tensor is, in the words of the error message: 'image', 'embedding'. */
  label: string;
  dims: readonly DimRule[];
  type: 'float32';
  layout?: 'NHWC' | 'NCHW' | 'NC';
}

/** Run the model once on a small input and require an output shape (for relations no static shape can express). */
export interface ProbeRule {
  inputDims: readonly number[];
  expectOutputDims: readonly number[];
  why: string;
}

export interface TaskContract {
  task: ModelTask;
  inputs: readonly TensorRule[];
  outputs: readonly TensorRule[];
  probe?: ProbeRule;
}

export const taskContracts: Partial<Record<ModelTask, TaskContract>> = {
  // ArcFace-style recognisers (mobilefacenet, faceres): an aligned 112×112 RGB crop in NHWC
  // → one identity vector; its length is the model's choice.
  'face-embedding': {
    task: 'face-embedding',
    inputs: [{ label: 'image', dims: ['batch', 112, 112, 3], type: 'float32', layout: 'NHWC' }],
    outputs: [{ label: 'embedding', dims: ['batch', 'any'], type: 'float32', layout: 'NC' }],
  },
  // Real-ESRGAN family: any image size in (the upscaler tiles), three channels, 4× out.
  upscale: {
    task: 'upscale',
    inputs: [{ label: 'image', dims: ['batch', 3, 'dynamic', 'dynamic'], type: 'float32', layout: 'NCHW' }],
    outputs: [{ label: 'image', dims: ['batch', 3, 'any', 'any'], type: 'float32', layout: 'NCHW' }],
    // 16×16 is a few milliseconds even for RRDBNet and divisible by every pixel-unshuffle factor.
    probe: { inputDims: [1, 3, 16, 16], expectOutputDims: [1, 3, 64, 64], why: 'the upscaler tiles images assuming exactly 4× output' },
  },
};
