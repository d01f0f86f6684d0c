// Iris landmarks: the iris model on a rotation-aligned crop of each eye adds 5 points per eye
// (centre, then four on the iris edge), giving the 478-point layout.
import { applyAffine, squareCropAffine } from '../image/affine';
import type { Pyramid } from '../image/pyramid';
import { pyramidLevelFor } from '../image/pyramid';
import { warpToTensor } from '../image/warp';
import type { Point3 } from './types';
import { LEFT_EYE_INNER, LEFT_EYE_OUTER, RIGHT_EYE_INNER, RIGHT_EYE_OUTER } from './landmarks';
import { meshAngle } from './mesh';
import { outputDims, type ModelSet } from './models';

export const IRIS_INPUT = 64;
/** Eye crop side over the corner-to-corner distance (MediaPipe's iris ROI scale). */
export const EYE_CROP_SCALE = 2.3;
const CONTOUR_POINTS = 71;

interface EyeCrop {
  cx: number;
  cy: number;
  side: number;
  angle: number;
  /** The model knows one eye; the person's left eye is mirrored to look like it. */
  flip: boolean;
  zBase: number;
}

function eyeCrop(points: readonly Point3[], outer: number, inner: number, angle: number, flip: boolean): EyeCrop {
  const a = points[outer], b = points[inner];
  const side = Math.hypot(a[0] - b[0], a[1] - b[1]) * EYE_CROP_SCALE;
  return { cx: (a[0] + b[0]) / 2, cy: (a[1] + b[1]) / 2, side, angle, flip, zBase: (a[2] + b[2]) / 2 };
}

/** Returns the 10 iris points (person's right eye first) in photo pixels. */
export async function irisPoints(models: ModelSet, pyramid: Pyramid, mesh: readonly Point3[]): Promise<Point3[]> {
  const n = IRIS_INPUT;
  const angle = meshAngle(mesh);
  const eyes = [eyeCrop(mesh, RIGHT_EYE_OUTER, RIGHT_EYE_INNER, angle, false), eyeCrop(mesh, LEFT_EYE_OUTER, LEFT_EYE_INNER, angle, true)];
  const input = new Float32Array(2 * n * n * 3);
  const maps = eyes.map((e, i) => {
    const toPhoto = squareCropAffine(e.cx, e.cy, e.side, e.angle, n);
    const { image, affine } = pyramidLevelFor(pyramid, toPhoto);
    warpToTensor(image, affine, n, n, { scale: 1, offset: 0, flip: e.flip }, input, i * n * n * 3);
    return toPhoto;
  });
  const [out] = await outputDims(models, 'iris', input, [2, n, n, 3]);
  const per = out.data.length / 2;
  const result: Point3[] = [];
  eyes.forEach((e, i) => {
    const base = i * per + CONTOUR_POINTS * 3;
    for (let k = 0; k < 5; k++) {
      const x = out.data[base + 3 * k], y = out.data[base + 3 * k + 1];
      const [px, py] = applyAffine(maps[i], e.flip ? n - x : x, y);
      // The model's iris depth is unreliable (MediaPipe's own note); the eye corners' depth is not.
      result.push([px, py, e.zBase]);
    }
  });
  return result;
}
