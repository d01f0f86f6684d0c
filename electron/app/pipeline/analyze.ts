// analyzeForPortrait: one selfie → the person ready for a portrait (upright pixels, the face to
// use, its matte). Unusable photos fail here, with the analysis' own advice, rather than
// producing a draft of the wrong face.
import { analyzePhoto, decodeImage, FaceAnalysisError, ImageImportError, personMatte } from '../../../native/face';
import type { Box, FaceAnalysis, PhotoAnalysis } from '../../../native/face';
import { buildPyramid } from '../../../native/image/pyramid';
import type { Image8, Mask } from '../../../native/image/types';
import { PairlightError } from '../errors';
import type { PipelineModels } from './models';

export interface PortraitSubject {
  /** sha256 of the original file bytes. */
  sha256: string;
  /** Upright (EXIF-rotated) 8-bit sRGB pixels. */
  photo: Image8;
  analysis: PhotoAnalysis;
  /** Index into analysis.faces of the face used. */
  faceIndex: number;
  face: FaceAnalysis;
  matte: Mask;
  /** Boxes of the other faces in the same photo (their people are kept out of this one's cut-out). */
  neighbours: Box[];
}

export interface AnalyzeForPortraitOptions {
  models: PipelineModels;
  /** The face the user picked in a group photo; default the largest usable one. */
  faceIndex?: number;
  /** Shown in messages, e.g. 'person A'. */
  label?: string;
}

/** Turns decode/analysis failures into contract errors, keeping their specific messages. */
export function asContractError(error: unknown): unknown {
  if (error instanceof ImageImportError) return new PairlightError('IMPORT_NOT_IMAGE', error.message, { reason: error.reason, ...error.details });
  if (error instanceof FaceAnalysisError) return new PairlightError(error.code, error.message);
  return error;
}

const isUsable = (f: FaceAnalysis): boolean => !f.quality.some((q) => q.severity === 'blocker');

/** The face a portrait uses: the chosen one, else the largest without a blocking problem. */
export function pickFace(analysis: PhotoAnalysis, label: string, faceIndex?: number): number {
  if (analysis.faces.length === 0) {
    throw new PairlightError('NO_FACE', `No face was found in the photo of ${label}. Use a photo where the face is clearly visible, facing the camera, in good light.`);
  }
  if (faceIndex !== undefined) {
    if (!Number.isInteger(faceIndex) || faceIndex < 0 || faceIndex >= analysis.faces.length) {
      throw new PairlightError('VALIDATION', `The photo of ${label} has ${analysis.faces.length} face(s); face ${faceIndex + 1} does not exist. Pick one of the faces shown.`);
    }
    return faceIndex;
  }
  const usable = analysis.faces.findIndex(isUsable);
  if (usable >= 0) return usable;
  // Every face has a blocker: say what is wrong with the most prominent one (largest first).
  const advice = analysis.faces[0].quality.filter((q) => q.severity === 'blocker').map((q) => q.message);
  throw new PairlightError('NO_FACE', `The face in the photo of ${label} cannot be used: ${advice.join(' ')}`, { advice: analysis.faces[0].quality });
}

export async function analyzeForPortrait(input: string | Uint8Array, opts: AnalyzeForPortraitOptions): Promise<PortraitSubject> {
  const label = opts.label ?? 'this person';
  try {
    const decoded = await decodeImage(input);
    const pyramid = buildPyramid(decoded.image);
    const analysis = await analyzePhoto(decoded.image, { models: opts.models.face, pyramid });
    const faceIndex = pickFace(analysis, label, opts.faceIndex);
    const matte = await personMatte(decoded.image, { models: opts.models.face, pyramid });
    const neighbours = analysis.faces.filter((_, i) => i !== faceIndex).map((f) => f.box);
    return { sha256: decoded.sha256, photo: decoded.image, analysis, faceIndex, face: analysis.faces[faceIndex], matte, neighbours };
  } catch (error) {
    throw asContractError(error);
  }
}
