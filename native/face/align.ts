// Face alignment for identity embedding: a similarity transform putting the eyes, nose tip and
// mouth corners where the 112 × 112 ArcFace template has them (the layout MobileFaceNet-style
// recognition models are trained on).
import type { Affine } from '../image/affine';
import { estimateSimilarity, invertAffine } from '../image/affine';
import type { Image8 } from '../image/types';
import { warpImage } from '../image/warp';
import type { Point3 } from './types';
import { MOUTH_LEFT, MOUTH_RIGHT, NOSE_TIP } from './landmarks';
import { eyeCentres } from './quality';

/** Template points for 112 px, image-left first: (person's) right eye, left eye, nose tip, right and left mouth corner. */
export const ARCFACE_TEMPLATE_112: [number, number][] = [
  [38.2946, 51.6963],
  [73.5318, 51.5014],
  [56.0252, 71.7366],
  [41.5493, 92.3655],
  [70.7299, 92.2041],
];

export function alignmentPoints(points: readonly Point3[]): [number, number][] {
  const [re, le] = eyeCentres(points);
  return [re, le, points[NOSE_TIP], points[MOUTH_RIGHT], points[MOUTH_LEFT]].map((p) => [p[0], p[1]] as [number, number]);
}

/** Destination (crop, continuous pixels) → photo affine for an aligned crop of `size` pixels. */
export function alignmentAffine(points: readonly Point3[], size = 112): Affine {
  const k = size / 112;
  const template = ARCFACE_TEMPLATE_112.map(([x, y]) => [x * k, y * k] as [number, number]);
  return invertAffine(estimateSimilarity(alignmentPoints(points), template));
}

/** An aligned RGB crop of the face, `size` × `size` pixels. */
export function alignFace(image: Image8, points: readonly Point3[], size = 112): Image8 {
  return warpImage(image, alignmentAffine(points, size), size, size);
}
