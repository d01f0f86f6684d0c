// 468-point face mesh from a rotation-aligned square crop, refined by a second pass on a crop
// built from the first pass's own points (tighter and better centred than the detector's box).
import type { Affine } from '../image/affine';
import { applyAffine, squareCropAffine } from '../image/affine';
import type { Pyramid } from '../image/pyramid';
import { pyramidLevelFor } from '../image/pyramid';
import { warpToTensor } from '../image/warp';
import type { Point3 } from './types';
import type { Detection } from './detect';
import { LEFT_EYE_OUTER, RIGHT_EYE_OUTER } from './landmarks';
import { outputDims, type ModelSet } from './models';

export const MESH_INPUT = 192;
/** Crop side over the detector box side; the scale MediaPipe's landmark model was trained with. */
export const DETECTION_CROP_SCALE = 1.5;
/** Crop side over the first-pass mesh extent (mesh points span ~1/1.5… of MediaPipe's ROI). */
export const MESH_CROP_SCALE = 1.5;

export interface FaceCrop {
  cx: number;
  cy: number;
  side: number;
  /** Radians: the crop's x axis direction in the photo (the eye line). */
  angle: number;
}

export interface MeshResult {
  points: Point3[];
  /** Face presence 0..1 from the mesh model: low means the crop holds no face. */
  faceScore: number;
  crop: FaceCrop;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function cropFromDetection(d: Detection): FaceCrop {
  const side = Math.max(d.x1 - d.x0, d.y1 - d.y0) * DETECTION_CROP_SCALE;
  return { cx: (d.x0 + d.x1) / 2, cy: (d.y0 + d.y1) / 2, side, angle: d.angle };
}

/** Roll of a mesh: the direction of the line from the right eye's outer corner to the left's. */
export function meshAngle(points: readonly Point3[]): number {
  const r = points[RIGHT_EYE_OUTER], l = points[LEFT_EYE_OUTER];
  return Math.atan2(l[1] - r[1], l[0] - r[0]);
}

/** The square crop around mesh points, in the frame rotated by the mesh's own roll. */
export function cropFromMesh(points: readonly Point3[], scale = MESH_CROP_SCALE): FaceCrop {
  const angle = meshAngle(points);
  const c = Math.cos(angle), s = Math.sin(angle);
  let u0 = Infinity, u1 = -Infinity, v0 = Infinity, v1 = -Infinity;
  for (const [x, y] of points) {
    const u = x * c + y * s, v = -x * s + y * c;
    if (u < u0) u0 = u; if (u > u1) u1 = u;
    if (v < v0) v0 = v; if (v > v1) v1 = v;
  }
  const uc = (u0 + u1) / 2, vc = (v0 + v1) / 2;
  return { cx: uc * c - vc * s, cy: uc * s + vc * c, side: Math.max(u1 - u0, v1 - v0) * scale, angle };
}

export function cropAffine(crop: FaceCrop, size: number): Affine {
  return squareCropAffine(crop.cx, crop.cy, crop.side, crop.angle, size);
}

/** Runs the mesh model on one crop and maps its points back to photo pixels. */
export async function meshOnCrop(models: ModelSet, pyramid: Pyramid, crop: FaceCrop): Promise<MeshResult> {
  const n = MESH_INPUT;
  const toPhoto = cropAffine(crop, n);
  const { image, affine } = pyramidLevelFor(pyramid, toPhoto);
  const input = warpToTensor(image, affine, n, n, { scale: 1, offset: 0 });
  const outputs = await outputDims(models, 'mesh', input, [1, n, n, 3]);
  const mesh = outputs.find((o) => o.data.length === 1404);
  const flag = outputs.find((o) => o.data.length === 1);
  if (!mesh || !flag) throw new RangeError('face mesh model outputs do not include 1404 coordinates and a face flag');
  const f = flag.data[0];
  // The converted graph may end before its Sigmoid; a value outside 0..1 is a logit.
  const faceScore = f < 0 || f > 1 ? sigmoid(f) : f;
  const zScale = crop.side / n;
  const points: Point3[] = [];
  for (let i = 0; i < 468; i++) {
    const [x, y] = applyAffine(toPhoto, mesh.data[3 * i], mesh.data[3 * i + 1]);
    points.push([x, y, mesh.data[3 * i + 2] * zScale]);
  }
  return { points, faceScore, crop };
}

/** Detector crop → mesh → crop from that mesh → final mesh. */
export async function meshFace(models: ModelSet, pyramid: Pyramid, det: Detection, passes = 2): Promise<MeshResult> {
  let res = await meshOnCrop(models, pyramid, cropFromDetection(det));
  for (let p = 1; p < passes; p++) {
    const next = await meshOnCrop(models, pyramid, cropFromMesh(res.points));
    // A second pass that loses the face (e.g. a false detection) keeps the first answer's score.
    res = next.faceScore >= res.faceScore * 0.5 ? next : res;
  }
  return res;
}
