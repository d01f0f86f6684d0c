// Resamples a person's photo and matte into the canvas through an affine transform.
// Selfies end at the photo's frame, usually mid-chest; outside the frame the matte fades
// sideways and upward but continues downward, so a shoulder cut by the selfie's frame does
// not become a hard horizontal line across the draft. Below the frame the body is continued
// from a smoothed profile of the photo's bottom rows (repeating the last row itself would
// draw streaks), darkening with distance like a body falling out of the key light.
import { gaussianBlur } from './blur';
import { type Affine, applyAffine, invertAffine } from './transform';
import { type Plane, type Rgb, newPlane, newRgb } from './planes';

/** One smoothed row summarising the bottom of the photo: colour and matte per column. */
export interface BottomProfile {
  colour: Rgb;
  matte: Plane;
  /** Rows (from the bottom) over which the photo blends into the profile. */
  band: number;
}

export function bottomProfile(photo: Rgb, matte: Plane): BottomProfile {
  const w = photo.width, h = photo.height;
  const band = Math.max(2, Math.round(h * 0.04));
  // The profile is measured on the last 4% of rows but blended in over three times that, so
  // the photo does not end on a visible line.
  const blend = band * 3;
  const colour = newRgb(w, 1);
  const m = newPlane(w, 1);
  for (let y = h - band; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const a = matte.data[i];
      // Matte-weighted, so the background beside the body does not bleed into the clothes.
      colour.r[x] += photo.r[i] * a; colour.g[x] += photo.g[i] * a; colour.b[x] += photo.b[i] * a;
      m.data[x] += a;
    }
  }
  // Wide smoothing: the continuation should read as fabric in shadow, not as bands of the last row's colours.
  const sigma = Math.max(1, w * 0.06);
  const wsum = gaussianBlur(m, sigma).data;
  const blur = (d: Float32Array) => gaussianBlur({ width: w, height: 1, data: d }, sigma).data;
  const r = blur(colour.r), g = blur(colour.g), b = blur(colour.b);
  for (let x = 0; x < w; x++) {
    const k = wsum[x] > 1e-6 ? 1 / wsum[x] : 0;
    colour.r[x] = r[x] * k; colour.g[x] = g[x] * k; colour.b[x] = b[x] * k;
    m.data[x] = wsum[x] / band;
  }
  return { colour, matte: m, band: blend };
}

export interface WarpedPerson {
  colour: Rgb;
  alpha: Plane;
  /** Canvas-space bounding box of the warped photo (clipped), to limit later loops. */
  bounds: { x0: number; y0: number; x1: number; y1: number };
}

export function warpPerson(photo: Rgb, matte: Plane, toCanvas: Affine, width: number, height: number, sideFade: number, bottom?: BottomProfile): WarpedPerson {
  const inv = invertAffine(toCanvas);
  const colour = newRgb(width, height);
  const alpha = newPlane(width, height);
  const sw = photo.width, sh = photo.height;
  // Bounds: the photo's corners, extended downward to the canvas bottom (the body continues).
  const corners = [[0, 0], [sw, 0], [0, sh], [sw, sh], [0, sh * 4], [sw, sh * 4]].map(([x, y]) => applyAffine(toCanvas, x, y));
  const pad = sideFade * Math.hypot(toCanvas.a, toCanvas.d) + 2;
  const x0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p[0])) - pad));
  const x1 = Math.min(width, Math.ceil(Math.max(...corners.map((p) => p[0])) + pad));
  const y0 = Math.max(0, Math.floor(Math.min(...corners.map((p) => p[1])) - pad));
  const y1 = Math.min(height, Math.ceil(Math.max(...corners.map((p) => p[1])) + pad));
  const invFade = 1 / Math.max(1, sideFade);
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const sx = inv.a * (x + 0.5) + inv.b * (y + 0.5) + inv.c - 0.5;
      const sy = inv.d * (x + 0.5) + inv.e * (y + 0.5) + inv.f - 0.5;
      // Outside the frame: fade with distance sideways/up, none downward.
      let fade = 1;
      if (sx < 0) fade -= -sx * invFade;
      else if (sx > sw - 1) fade -= (sx - (sw - 1)) * invFade;
      if (sy < 0) fade -= -sy * invFade;
      if (fade <= 0) continue;
      const cx = sx < 0 ? 0 : sx > sw - 1 ? sw - 1 : sx;
      const cy = sy < 0 ? 0 : sy > sh - 1 ? sh - 1 : sy;
      const ix = Math.min(sw - 2, Math.floor(cx)), iy = Math.min(sh - 2, Math.floor(cy));
      const fx = cx - ix, fy = cy - iy;
      const i00 = iy * sw + ix, i01 = i00 + 1, i10 = i00 + sw, i11 = i10 + 1;
      const w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy, w11 = fx * fy;
      let a = (matte.data[i00] * w00 + matte.data[i01] * w01 + matte.data[i10] * w10 + matte.data[i11] * w11) * fade;
      let r = photo.r[i00] * w00 + photo.r[i01] * w01 + photo.r[i10] * w10 + photo.r[i11] * w11;
      let g = photo.g[i00] * w00 + photo.g[i01] * w01 + photo.g[i10] * w10 + photo.g[i11] * w11;
      let b = photo.b[i00] * w00 + photo.b[i01] * w01 + photo.b[i10] * w10 + photo.b[i11] * w11;
      if (bottom && sy > sh - 1 - bottom.band) {
        const t = Math.min(1, (sy - (sh - 1 - bottom.band)) / bottom.band);
        const px = Math.round(cx);
        const below = Math.max(0, sy - (sh - 1));
        // The key is aimed at the faces: light drops to ~30% a fifth of a photo height below the frame.
        const dark = 0.2 + 0.8 * Math.exp(-below / (0.1 * sh));
        const k = t * t * (3 - 2 * t);
        // Below the frame nothing is known but the average colour: keep 40% of its
        // saturation, so the continuation reads as plain clothing in shadow (skin colour
        // smeared downward reads as a body part, and wrongly).
        const pr = bottom.colour.r[px], pg = bottom.colour.g[px], pb = bottom.colour.b[px];
        const pl = 0.2126 * pr + 0.7152 * pg + 0.0722 * pb;
        const sat = below > 0 ? 0.4 + 0.6 * Math.exp(-below / (0.05 * sh)) : 1;
        r += ((pl + (pr - pl) * sat) * dark - r) * k;
        g += ((pl + (pg - pl) * sat) * dark - g) * k;
        b += ((pl + (pb - pl) * sat) * dark - b) * k;
        a += (Math.min(1, bottom.matte.data[px]) * fade - a) * k;
      }
      if (a <= 1e-4) continue;
      const o = y * width + x;
      alpha.data[o] = a;
      colour.r[o] = r;
      colour.g[o] = g;
      colour.b[o] = b;
    }
  }
  return { colour, alpha, bounds: { x0, y0, x1, y1 } };
}
