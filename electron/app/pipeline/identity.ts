// Identity is measured, not promised: each face in a draft is embedded where the compositor put
// it (its transformed mesh → aligned crop → embedding model) and compared with its source
// person. The gate marks drafts below the threshold as rejected, with the reason; it never
// drops them, so the user can still see and judge them.
import { identitySimilarity, type Point3 } from '../../../native/face';
import { embedFace } from '../../../native/face/embed';
import { buildPyramid } from '../../../native/image/pyramid';
import type { Image8 } from '../../../native/image/types';
import { PairlightError } from '../errors';
import type { PipelineModels } from './models';

export interface DraftFacePoints {
  points: Point3[];
  mirrored: boolean;
}

/** Mirrors an image left-right (a mirrored face must be un-mirrored before alignment: a similarity transform cannot flip). */
function mirrorImage(image: Image8): Image8 {
  const { width, height, channels } = image;
  const data = new Uint8Array(image.data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const src = (y * width + x) * channels;
      const dst = (y * width + (width - 1 - x)) * channels;
      for (let c = 0; c < channels; c++) data[dst + c] = image.data[src + c];
    }
  }
  return { width, height, channels, data };
}

/** Cosine similarity of each draft face to the embedding of its source person, in the order given. */
export async function scoreIdentity(
  image: Image8,
  faces: readonly DraftFacePoints[],
  sourceEmbeddings: readonly Float32Array[],
  models: PipelineModels,
): Promise<number[]> {
  if (faces.length !== sourceEmbeddings.length) throw new RangeError(`${faces.length} faces but ${sourceEmbeddings.length} source embeddings`);
  if (!models.face.models.embed || sourceEmbeddings.some((e) => e.length === 0)) {
    throw new PairlightError('MODEL_MISSING', 'The face identity model is not installed, so Pairlight cannot check that each face is still the person. Run "npm run models" and try again.');
  }
  const upright = buildPyramid(image);
  let mirrored: ReturnType<typeof buildPyramid> | null = null;
  const scores: number[] = [];
  for (let i = 0; i < faces.length; i++) {
    const face = faces[i];
    let pyramid = upright;
    let points = face.points;
    if (face.mirrored) {
      mirrored ??= buildPyramid(mirrorImage(image));
      pyramid = mirrored;
      // Continuous pixel coordinates: pixel x spans [x, x+1), so the mirror of x is width − x.
      points = face.points.map(([x, y, z]) => [image.width - x, y, z] as Point3);
    }
    const embedding = await embedFace(models.face, pyramid, points);
    scores.push(identitySimilarity(embedding, sourceEmbeddings[i]));
  }
  return scores;
}

export interface IdentityVerdict {
  scores: number[];
  threshold: number;
  rejected: boolean;
  /** Why the draft was rejected, for the user; null when it passed. */
  reason: string | null;
}

/** The identity gate: every face must reach `threshold`; `labels` name the people in the reason. */
export function identityGate(scores: readonly number[], threshold: number, labels: readonly string[]): IdentityVerdict {
  const low = scores.map((s, i) => ({ s, label: labels[i] ?? `person ${i + 1}` })).filter((f) => !(f.s >= threshold));
  const reason =
    low.length === 0
      ? null
      : `${low.map((f) => `${f.label}'s face scores ${f.s.toFixed(2)}`).join(' and ')}, below the identity threshold ${threshold.toFixed(2)}: the face may not look like ${low.length === 1 ? 'them' : 'the people'} any more.`;
  return { scores: [...scores], threshold, rejected: low.length > 0, reason };
}
