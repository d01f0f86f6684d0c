// Finds every face in a photo with the two BlazeFace models: full-range on the whole photo (small
// and distant faces) and short-range on the whole photo plus overlapping tiles (selfies, and faces
// in group photos that are small relative to the photo but large within a tile).
import { squareCropAffine, type Affine } from '../image/affine';
import type { Pyramid } from '../image/pyramid';
import { pyramidLevelFor } from '../image/pyramid';
import { warpToTensor } from '../image/warp';
import { FULL_RANGE, SHORT_RANGE, generateAnchors, type AnchorSpec } from './anchors';
import { decodeBlazeFace } from './blazeface';
import { iou, weightedNms, type Candidate } from './nms';
import { hasModel, outputDims, type FaceModelRole, type ModelSet } from './models';

export interface Detection {
  /** Axis-aligned box in photo pixels. */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  score: number;
  /** BlazeFace keypoints in photo pixels: the person's right eye, left eye, nose tip, mouth, right ear, left ear. */
  keypoints: [number, number][];
  /** Head roll in radians from the eye keypoints: the angle of the line from the right eye to the left eye. */
  angle: number;
}

export interface DetectOptions {
  /** 0.5: below this BlazeFace fires on textures; the mesh's own face score is a second check. */
  minScore?: number;
  iouThreshold?: number;
  /** Tile sizes as fractions of the photo's shorter side (0 = none). */
  tileFractions?: number[];
  /**
   * Degrees to turn the input before detecting (BlazeFace only knows roughly upright faces);
   * default 0, 90, 180, 270. Where passes overlap, the best-scoring one wins: a face's own
   * orientation scores highest (measured 0.96 vs 0.74 for a sideways face seen upright).
   */
  rotations?: number[];
}

/** A square region of the photo fed to a detector: centre and side in photo pixels. */
export interface Region {
  cx: number;
  cy: number;
  side: number;
  /** Radians; the input's x axis direction in the photo. */
  angle?: number;
}

/** The whole photo letterboxed into one square, plus overlapping square tiles at each fraction. */
export function detectionRegions(width: number, height: number, tileFractions: readonly number[]): Region[] {
  const regions: Region[] = [{ cx: width / 2, cy: height / 2, side: Math.max(width, height) }];
  const short = Math.min(width, height);
  for (const f of tileFractions) {
    const side = short * f;
    if (side < 128 || f >= 1) continue;
    const step = side / 2; // 50 % overlap: every face smaller than half a tile lies wholly inside one tile
    const nx = Math.max(1, Math.ceil((width - side) / step) + 1);
    const ny = Math.max(1, Math.ceil((height - side) / step) + 1);
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const x = nx === 1 ? (width - side) / 2 : (i * (width - side)) / (nx - 1);
        const y = ny === 1 ? (height - side) / 2 : (j * (height - side)) / (ny - 1);
        regions.push({ cx: x + side / 2, cy: y + side / 2, side });
      }
    }
  }
  return regions;
}

function regionAffine(r: Region, inputSize: number): Affine {
  return squareCropAffine(r.cx, r.cy, r.side, r.angle ?? 0, inputSize);
}

const anchorCache = new Map<number, Float32Array>();
function anchorsFor(spec: AnchorSpec): Float32Array {
  let a = anchorCache.get(spec.inputSize);
  if (!a) anchorCache.set(spec.inputSize, (a = generateAnchors(spec)));
  return a;
}

async function runDetector(models: ModelSet, role: FaceModelRole, spec: AnchorSpec, pyramid: Pyramid, regions: Region[], minScore: number): Promise<Candidate[]> {
  const n = spec.inputSize;
  const anchors = anchorsFor(spec);
  const rows = anchors.length / 2;
  const out: Candidate[] = [];
  // Batches of 16 keep the input tensor small (16 × 128² × 3 floats = 3 MB).
  for (let start = 0; start < regions.length; start += 16) {
    const batch = regions.slice(start, start + 16);
    const input = new Float32Array(batch.length * n * n * 3);
    batch.forEach((r, b) => {
      const { image, affine } = pyramidLevelFor(pyramid, regionAffine(r, n));
      warpToTensor(image, affine, n, n, { scale: 2, offset: -1 }, input, b * n * n * 3);
    });
    const outputs = await outputDims(models, role, input, [batch.length, n, n, 3]);
    // The full-range graph has a second head (Identity_1, not faces); the face head is the first output.
    const faces = outputs[0];
    const per = faces.data.length / batch.length;
    if (per % rows !== 0) throw new RangeError(`${role}: output of ${per} values does not match ${rows} anchors`);
    batch.forEach((r, b) => {
      out.push(...decodeBlazeFace(faces.data.subarray(b * per, (b + 1) * per), anchors, regionAffine(r, n), minScore));
    });
  }
  return out;
}

export function eyeAngle(keypoints: readonly [number, number][]): number {
  const [re, le] = keypoints;
  return Math.atan2(le[1] - re[1], le[0] - re[0]);
}

/** Plain NMS: keeps the best-scoring of overlapping detections (used across rotations, where averaging keypoints of differently turned passes would blur the roll). */
export function keepBest(groups: readonly Candidate[], iouThreshold: number): Candidate[] {
  const kept: Candidate[] = [];
  for (const c of [...groups].sort((a, b) => b.score - a.score)) if (!kept.some((k) => iou(k, c) > iouThreshold)) kept.push(c);
  return kept;
}

export async function detectFaces(models: ModelSet, pyramid: Pyramid, opts: DetectOptions = {}): Promise<Detection[]> {
  const minScore = opts.minScore ?? 0.5;
  const iouThreshold = opts.iouThreshold ?? 0.3;
  const { width, height } = pyramid.levels[0];
  // Tiles of half the shorter side: faces down to ~6 % of it (≈ 40 px between the eyes on a 2 MP
  // photo, the smallest face worth analysing) fill ≥ 20 px of the 128 px input. Quarter tiles
  // find smaller faces at 4× the cost; pass tileFractions [0.5, 0.25] for crowd photos.
  const upright = detectionRegions(width, height, opts.tileFractions ?? [0.5]);
  const merged: Candidate[] = [];
  for (const deg of opts.rotations ?? [0, 90, 180, 270]) {
    // Turned passes look at the whole photo only: they are for photos whose EXIF orientation was
    // lost (sideways or upside-down people), who then fill much of the frame.
    const regions = (deg === 0 ? upright : upright.slice(0, 1)).map((r) => ({ ...r, angle: (deg * Math.PI) / 180 }));
    const candidates: Candidate[] = [];
    if (hasModel(models, 'detectFull')) candidates.push(...(await runDetector(models, 'detectFull', FULL_RANGE, pyramid, regions.slice(0, 1), minScore)));
    candidates.push(...(await runDetector(models, 'detectShort', SHORT_RANGE, pyramid, regions, minScore)));
    merged.push(...weightedNms(candidates, iouThreshold));
  }
  return keepBest(merged, iouThreshold)
    .map((c) => ({ ...c, angle: eyeAngle(c.keypoints) }))
    .sort((a, b) => (b.x1 - b.x0) * (b.y1 - b.y0) - (a.x1 - a.x0) * (a.y1 - a.y0));
}
