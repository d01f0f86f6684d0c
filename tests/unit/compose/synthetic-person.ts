// A drawn stand-in for a selfie: background, torso, a skin-textured face ellipse with dark
// eyes, brows and mouth, a 478-point mesh on the matching ellipsoid and an exact matte.
// The right answers (where the eyes are, what the face looks like) are known by construction.
import type { FaceAnalysis, Point3 } from '../../../native/face/types';
import type { Image8, Mask } from '../../../native/image/types';
import { createRng } from '../../../native/random/prng';
import type { PersonInput } from '../../../native/compose';

export interface SyntheticOptions {
  width?: number;
  height?: number;
  skin?: [number, number, number];
  shirt?: [number, number, number];
  background?: [number, number, number];
  yaw?: number;
  seed?: number;
}

export const SYNTH_EYES = { left: [200, 260] as [number, number], right: [280, 260] as [number, number] };

export function syntheticPerson(o: SyntheticOptions = {}): PersonInput {
  const w = o.width ?? 480, h = o.height ?? 640;
  const sx = w / 480, sy = h / 640;
  const skin = o.skin ?? [214, 170, 140];
  const shirt = o.shirt ?? [60, 90, 150];
  const bg = o.background ?? [150, 160, 150];
  const rng = createRng(o.seed ?? 7);
  const data = new Uint8Array(w * h * 3);
  const matte = new Float32Array(w * h);
  const cx = 240 * sx, cy = 280 * sy, rx = 95 * sx, ry = 125 * sy;
  const inEllipse = (x: number, y: number, ex: number, ey: number, ax: number, ay: number) => ((x - ex) / ax) ** 2 + ((y - ey) / ay) ** 2 <= 1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      let c: number[] = [bg[0] + (x / w) * 30, bg[1], bg[2] + (y / h) * 20];
      let a = 0;
      const torso = y > 430 * sy && Math.abs(x - cx) < (150 + (y / sy - 430) * 0.6) * sx;
      const neck = y > 360 * sy && y <= 440 * sy && Math.abs(x - cx) < 45 * sx;
      if (torso) { c = [...shirt]; a = 1; }
      if (neck) { c = [...skin]; a = 1; }
      if (inEllipse(x, y, cx, cy - 40 * sy, rx * 1.08, ry * 0.8) && y < cy - 30 * sy) { c = [50, 35, 25]; a = 1; }
      if (inEllipse(x, y, cx, cy, rx, ry)) {
        // Skin with a fine texture (pores/freckles) so face correlation has detail to measure.
        const t = (rng.next() - 0.5) * 16;
        c = [skin[0] + t, skin[1] + t, skin[2] + t];
        a = 1;
        for (const [ex, ey] of [SYNTH_EYES.left, SYNTH_EYES.right]) {
          if (inEllipse(x, y, ex * sx, ey * sy, 22 * sx, 10 * sy)) c = [240, 240, 235];
          if (inEllipse(x, y, ex * sx, ey * sy, 8 * sx, 8 * sy)) c = [20, 15, 10];
          if (inEllipse(x, y, ex * sx, (ey - 25) * sy, 26 * sx, 5 * sy)) c = [60, 40, 30];
        }
        if (inEllipse(x, y, cx, 350 * sy, 35 * sx, 9 * sy)) c = [160, 70, 70];
        if (inEllipse(x, y, cx, 310 * sy, 10 * sx, 14 * sy)) c = [skin[0] - 25, skin[1] - 25, skin[2] - 25];
      }
      data[i * 3] = Math.max(0, Math.min(255, Math.round(c[0])));
      data[i * 3 + 1] = Math.max(0, Math.min(255, Math.round(c[1])));
      data[i * 3 + 2] = Math.max(0, Math.min(255, Math.round(c[2])));
      matte[i] = a;
    }
  }
  // Mesh: 468 points on the front of the face ellipsoid (depth rz), eye corners and irises at known indices.
  const rz = rx * 0.8;
  const points: Point3[] = [];
  for (let k = 0; k < 468; k++) {
    // Golden-angle spiral covers the disc evenly.
    const r = Math.sqrt((k + 0.5) / 468) * 0.98, th = k * 2.39996323;
    const u = r * Math.cos(th), v = r * Math.sin(th);
    points.push([cx + rx * u, cy + ry * v, -rz * Math.sqrt(Math.max(0, 1 - u * u - v * v))]);
  }
  const zAt = (x: number, y: number) => -rz * Math.sqrt(Math.max(0, 1 - ((x - cx) / rx) ** 2 - ((y - cy) / ry) ** 2));
  const put = (i: number, x: number, y: number) => { points[i] = [x * sx, y * sy, zAt(x * sx, y * sy)]; };
  put(33, SYNTH_EYES.left[0] - 20, SYNTH_EYES.left[1]); put(133, SYNTH_EYES.left[0] + 20, SYNTH_EYES.left[1]);
  put(362, SYNTH_EYES.right[0] - 20, SYNTH_EYES.right[1]); put(263, SYNTH_EYES.right[0] + 20, SYNTH_EYES.right[1]);
  for (let k = 0; k < 5; k++) {
    points.push([SYNTH_EYES.left[0] * sx, SYNTH_EYES.left[1] * sy, zAt(SYNTH_EYES.left[0] * sx, SYNTH_EYES.left[1] * sy)]);
  }
  for (let k = 0; k < 5; k++) {
    points.push([SYNTH_EYES.right[0] * sx, SYNTH_EYES.right[1] * sy, zAt(SYNTH_EYES.right[0] * sx, SYNTH_EYES.right[1] * sy)]);
  }
  const face: FaceAnalysis = {
    box: { x: cx - rx, y: cy - ry, width: 2 * rx, height: 2 * ry },
    score: 0.99,
    points,
    pose: { yaw: o.yaw ?? 0, pitch: 0, roll: 0 },
    quality: [],
    embedding: new Float32Array(8),
    models: {},
  };
  const photo: Image8 = { width: w, height: h, channels: 3, data };
  const mask: Mask = { width: w, height: h, data: matte };
  return { photo, face, matte: mask };
}
