// The face-analysis API the rest of Pairlight uses.
export { analyzePhoto, emptyTimings, type AnalyzeOptions, type StageTimings } from './analyze';
export { detectFaces, type Detection, type DetectOptions } from './detect';
export { alignFace, alignmentAffine, ARCFACE_TEMPLATE_112 } from './align';
export { identitySimilarity, samePerson, SAME_PERSON_THRESHOLD } from './similarity';
export { headPose } from './pose';
export { faceQuality, LIMITS as QUALITY_LIMITS, eyeDistance } from './quality';
export { modelSetFromFolder, defaultModelsDir, type ModelSet, type FaceModelRole } from './models';
export { FaceAnalysisError, type FaceErrorCode } from './errors';
export { FACE_MESH_TRIANGLES } from './triangles';
export { personMatte } from '../matte/matte';
export { decodeImage, type DecodedPhoto } from '../image/decode';
export { ImageImportError, type ImportErrorReason } from '../image/errors';
export type { FaceAnalysis, PhotoAnalysis, Point3, Box, HeadPose, QualityAdvice, QualityCode } from './types';

import { decodeImage } from '../image/decode';
import { analyzePhoto, type AnalyzeOptions } from './analyze';
import type { PhotoAnalysis } from './types';

/** Decode (with every import guard rail) and analyse one photo file or buffer. */
export async function analyzeFile(input: string | Uint8Array, opts: AnalyzeOptions): Promise<PhotoAnalysis & { sha256: string }> {
  const photo = await decodeImage(input);
  const analysis = await analyzePhoto(photo.image, opts);
  return { ...analysis, sha256: photo.sha256 };
}
