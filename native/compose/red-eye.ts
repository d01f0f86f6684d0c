// Flash red-eye: the pupils lit red by a camera flash. Around each iris (the mesh's iris points
// give its centre and radius), pixels whose red clearly dominates go dark, in the colour of the
// eye around them, which leaves a dark pupil with its catchlight. Skin and lids (red at most
// ~1.5× green or blue in linear light on the sample) are left alone.
import type { Point3 } from '../face/types';
import { LEFT_IRIS_CENTER, RIGHT_IRIS_CENTER } from '../face/landmarks';
import type { Image8 } from '../image/types';
import { editLinearBox, type Rgb } from './planes';

/** Red over max(green, blue), linear light: below LOW a pixel is left alone, above HIGH it is fully corrected. */
const LOW = 1.7;
const HIGH = 2.2;
/** Search radius over the iris radius: the iris model's centre can sit half a radius off the pupil. */
const REACH = 1.4;

const smoothstep = (a: number, b: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
};

/** Corrects `colour` in place; `scale` maps photo pixels to `colour`'s. Needs the 478-point layout (with iris). */
export function removeRedEye(colour: Rgb, points: readonly Point3[], scale: number): void {
  if (points.length < 478) return;
  const { width: w, height: h } = colour;
  for (const c of [RIGHT_IRIS_CENTER, LEFT_IRIS_CENTER]) {
    const cx = points[c][0] * scale, cy = points[c][1] * scale;
    let radius = 0;
    for (let k = 1; k <= 4; k++) radius += Math.hypot(points[c + k][0] * scale - cx, points[c + k][1] * scale - cy) / 4;
    const reach = Math.max(1, radius * REACH);
    const x0 = Math.max(0, Math.floor(cx - reach)), x1 = Math.min(w - 1, Math.ceil(cx + reach));
    const y0 = Math.max(0, Math.floor(cy - reach)), y1 = Math.min(h - 1, Math.ceil(cy + reach));
    const redness = (i: number) => colour.r[i] / Math.max(colour.g[i], colour.b[i], 1e-5);
    // The eye's own colour around the red (iris, lids, white), as ratios to green: the fixed
    // pupil takes it, so after the photo's white balance it sits in the eye like the rest.
    let sr = 0, sg = 0, sb = 0;
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) {
      const i = y * w + x;
      if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= reach && redness(i) < LOW) { sr += colour.r[i]; sg += colour.g[i]; sb += colour.b[i]; }
    }
    const kr = sg > 0 ? sr / sg : 1, kb = sg > 0 ? sb / sg : 1;
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
        if (d > reach) continue;
        const i = y * w + x;
        // Fades out over the last quarter of the reach, so no ring shows.
        const weight = smoothstep(LOW, HIGH, redness(i)) * Math.min(1, (reach - d) / (0.25 * reach));
        if (weight === 0) continue;
        // A pupil is dark: the pixel goes to the level of its darker non-red channel, in the eye's colour.
        const level = Math.min(colour.g[i], colour.b[i]);
        colour.r[i] += weight * (level * kr - colour.r[i]);
        colour.g[i] += weight * (level - colour.g[i]);
        colour.b[i] += weight * (level * kb - colour.b[i]);
      }
    }
  }
}

/**
 * The same on an 8-bit photo (the baby renderer warps the parents' photos directly): a copy with
 * the eyes corrected, converting only the eyes' box to linear light.
 */
export function removeRedEyeImage8(photo: Image8, points: readonly Point3[]): Image8 {
  if (points.length < 478) return photo;
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const c of [RIGHT_IRIS_CENTER, LEFT_IRIS_CENTER]) {
    let radius = 0;
    for (let k = 1; k <= 4; k++) radius += Math.hypot(points[c + k][0] - points[c][0], points[c + k][1] - points[c][1]) / 4;
    const reach = Math.max(1, radius * REACH) + 1;
    x0 = Math.min(x0, points[c][0] - reach); x1 = Math.max(x1, points[c][0] + reach);
    y0 = Math.min(y0, points[c][1] - reach); y1 = Math.max(y1, points[c][1] + reach);
  }
  return editLinearBox(photo, { x0, y0, x1, y1 }, (colour, ox, oy) => removeRedEye(colour, points.map(([x, y, z]) => [x - ox, y - oy, z] as Point3), 1));
}
