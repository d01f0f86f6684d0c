// Planar float images: one Float32Array per channel. The compositor works planar because
// blurs, gains and masks all touch one channel at a time, and planar loops stay simple and fast.
import type { Image8, Mask } from '../image/types';
import { srgbToLinearLut } from './colour';
import { linearToSrgb8 } from '../colour/lab';

export interface Plane {
  width: number;
  height: number;
  data: Float32Array;
}

/** Linear-light RGB, planar. */
export interface Rgb {
  width: number;
  height: number;
  r: Float32Array;
  g: Float32Array;
  b: Float32Array;
}

export function newPlane(width: number, height: number, fill = 0): Plane {
  const data = new Float32Array(width * height);
  if (fill) data.fill(fill);
  return { width, height, data };
}

export function newRgb(width: number, height: number): Rgb {
  const n = width * height;
  return { width, height, r: new Float32Array(n), g: new Float32Array(n), b: new Float32Array(n) };
}

export function rgbChannels(img: Rgb): [Float32Array, Float32Array, Float32Array] {
  return [img.r, img.g, img.b];
}

/** Decodes 8-bit sRGB to planar linear light (alpha, if any, is ignored: mattes come separately). */
export function image8ToLinear(img: Image8): Rgb {
  const out = newRgb(img.width, img.height);
  const lut = srgbToLinearLut();
  const c = img.channels;
  const n = img.width * img.height;
  for (let i = 0, p = 0; i < n; i++, p += c) {
    out.r[i] = lut[img.data[p]];
    out.g[i] = lut[img.data[p + 1]];
    out.b[i] = lut[img.data[p + 2]];
  }
  return out;
}

/** Linear RGB back to 8-bit sRGB (3 channels). */
export function linearToImage8(c: Rgb): Image8 {
  const n = c.width * c.height;
  const data = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) { data[3 * i] = linearToSrgb8(c.r[i]); data[3 * i + 1] = linearToSrgb8(c.g[i]); data[3 * i + 2] = linearToSrgb8(c.b[i]); }
  return { width: c.width, height: c.height, channels: 3, data };
}

/**
 * A copy of `photo` in which the box (clipped to the photo) went through `edit` in linear light;
 * only the box is converted, so editing a face in a 12 MP photo costs the face's pixels alone.
 * `edit` gets the box's origin to move its coordinates.
 */
export function editLinearBox(photo: Image8, box: { x0: number; y0: number; x1: number; y1: number }, edit: (colour: Rgb, ox: number, oy: number) => void): Image8 {
  const bx = Math.max(0, Math.floor(box.x0)), by = Math.max(0, Math.floor(box.y0));
  const bw = Math.min(photo.width, Math.ceil(box.x1)) - bx, bh = Math.min(photo.height, Math.ceil(box.y1)) - by;
  if (bw <= 0 || bh <= 0) return photo;
  const ch = photo.channels;
  const crop = new Uint8Array(bw * bh * ch);
  for (let y = 0; y < bh; y++) crop.set(photo.data.subarray(((by + y) * photo.width + bx) * ch, ((by + y) * photo.width + bx + bw) * ch), y * bw * ch);
  const colour = image8ToLinear({ width: bw, height: bh, channels: ch, data: crop } as Image8);
  edit(colour, bx, by);
  const data = new Uint8Array(photo.data);
  for (let y = 0; y < bh; y++) for (let x = 0; x < bw; x++) {
    const i = y * bw + x, o = ((by + y) * photo.width + bx + x) * ch;
    data[o] = linearToSrgb8(colour.r[i]); data[o + 1] = linearToSrgb8(colour.g[i]); data[o + 2] = linearToSrgb8(colour.b[i]);
  }
  return { ...photo, data };
}

/** Area-average reduction by a whole factor: the anti-alias step before warping a big photo down. */
export function reducePlane(src: Plane, factor: number): Plane {
  if (factor <= 1) return src;
  const w = Math.max(1, Math.floor(src.width / factor));
  const h = Math.max(1, Math.floor(src.height / factor));
  const out = newPlane(w, h);
  const inv = 1 / (factor * factor);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let dy = 0; dy < factor; dy++) {
        const row = (y * factor + dy) * src.width + x * factor;
        for (let dx = 0; dx < factor; dx++) s += src.data[row + dx];
      }
      out.data[y * w + x] = s * inv;
    }
  }
  return out;
}

export function reduceRgb(src: Rgb, factor: number): Rgb {
  if (factor <= 1) return src;
  const r = reducePlane({ width: src.width, height: src.height, data: src.r }, factor);
  const g = reducePlane({ width: src.width, height: src.height, data: src.g }, factor);
  const b = reducePlane({ width: src.width, height: src.height, data: src.b }, factor);
  return { width: r.width, height: r.height, r: r.data, g: g.data, b: b.data };
}

export function maskToPlane(m: Mask): Plane {
  return { width: m.width, height: m.height, data: m.data };
}

/** Bilinear resize of a smooth field (shading, blurred backdrop): pixel centres aligned. */
export function resizeBilinear(src: Plane, width: number, height: number): Plane {
  const out = newPlane(width, height);
  const sx = src.width / width;
  const sy = src.height / height;
  const xi0 = new Int32Array(width);
  const xi1 = new Int32Array(width);
  const xf = new Float32Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(src.width - 1, Math.max(0, (x + 0.5) * sx - 0.5));
    xi0[x] = Math.floor(fx);
    xi1[x] = Math.min(src.width - 1, xi0[x] + 1);
    xf[x] = fx - xi0[x];
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.min(src.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(src.height - 1, y0 + 1);
    const ty = fy - y0;
    const r0 = y0 * src.width;
    const r1 = y1 * src.width;
    const o = y * width;
    for (let x = 0; x < width; x++) {
      const a = src.data[r0 + xi0[x]] + (src.data[r0 + xi1[x]] - src.data[r0 + xi0[x]]) * xf[x];
      const b = src.data[r1 + xi0[x]] + (src.data[r1 + xi1[x]] - src.data[r1 + xi0[x]]) * xf[x];
      out.data[o + x] = a + (b - a) * ty;
    }
  }
  return out;
}

export function resizeRgbBilinear(src: Rgb, width: number, height: number): Rgb {
  const f = (d: Float32Array) => resizeBilinear({ width: src.width, height: src.height, data: d }, width, height).data;
  return { width, height, r: f(src.r), g: f(src.g), b: f(src.b) };
}

/**
 * Bilinear value of a coarse plane at a fine pixel: the fine pixel (x, y) of a grid `factor`
 * times denser, pixel centres aligned. Lets loops read smooth coarse fields (shading, shadow,
 * wrap light) only where they are needed, instead of enlarging whole planes.
 */
export function sampleCoarse(p: Plane, x: number, y: number, factor: number): number {
  let fx = (x + 0.5) / factor - 0.5, fy = (y + 0.5) / factor - 0.5;
  const w = p.width, h = p.height;
  if (fx < 0) fx = 0; else if (fx > w - 1) fx = w - 1;
  if (fy < 0) fy = 0; else if (fy > h - 1) fy = h - 1;
  const ix = fx | 0, iy = fy | 0;
  const tx = fx - ix, ty = fy - iy;
  const i = iy * w + ix;
  const ix1 = ix < w - 1 ? 1 : 0, iy1 = iy < h - 1 ? w : 0;
  const a = p.data[i] + (p.data[i + ix1] - p.data[i]) * tx;
  const b = p.data[i + iy1] + (p.data[i + iy1 + ix1] - p.data[i + iy1]) * tx;
  return a + (b - a) * ty;
}
