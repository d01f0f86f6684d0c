// The look: colour (saturation, split toning, monochrome), lens vignette, tone curve and
// film grain. Colour and vignette act on linear light (a lens darkens light, not code
// values); the tone curve maps scene light to display; grain is added to display values,
// where film grain lives, and doubles as dither before 8-bit quantisation.
import type { Image8 } from '../image/types';
import type { Rng } from '../random/prng';
import type { Theme } from '../../themes/schema';
import { LUMA, linearToSrgb } from './colour';
import { type Plane, type Rgb, newPlane, resizeBilinear } from './planes';

export type GradeParams = Theme['grade'];

const MID_GREY = 0.18;

/**
 * Scene-linear → display-linear, monotonic: contrast as a power around middle grey (so
 * grey stays grey), a C1 highlight shoulder starting at `knee` that approaches 1 instead of
 * clipping (shoulder 0 = hard clip at 1), then a black lift (faded film blacks).
 */
export function toneCurve(x: number, contrast: number, shoulder: number, blackLift: number): number {
  if (x <= 0) return blackLift;
  const c = MID_GREY * Math.pow(x / MID_GREY, contrast);
  const knee = 1 - 0.8 * shoulder;
  let y: number;
  if (c <= knee) y = c;
  else if (knee >= 1) y = 1;
  else {
    const t = (c - knee) / (1 - knee);
    y = knee + (1 - knee) * (t / (1 + t));
  }
  return blackLift + (1 - blackLift) * y;
}

const LUT_SIZE = 4096;
const LUT_MAX = 16;

/** Scene-linear → sRGB-encoded display value in 0..1, tabulated on a square-root axis (fine steps in the shadows, where sRGB is steep). */
export function toneLut(p: Pick<GradeParams, 'contrast' | 'shoulder' | 'blackLift'>): Float32Array {
  const lut = new Float32Array(LUT_SIZE);
  for (let i = 0; i < LUT_SIZE; i++) {
    const x = (i / (LUT_SIZE - 1)) ** 2 * LUT_MAX;
    lut[i] = linearToSrgb(toneCurve(x, p.contrast, p.shoulder, p.blackLift));
  }
  return lut;
}

function lookup(lut: Float32Array, x: number): number {
  if (x <= 0) return lut[0];
  const f = Math.sqrt(x / LUT_MAX) * (LUT_SIZE - 1);
  if (f >= LUT_SIZE - 1) return lut[LUT_SIZE - 1];
  const i = f | 0;
  return lut[i] + (lut[i + 1] - lut[i]) * (f - i);
}

/** Vignette gain at a pixel; r is distance from the centre over the half-diagonal (1 at the corners). */
export function vignetteGain(x: number, y: number, width: number, height: number, v: GradeParams['vignette']): number {
  const hd = 0.5 * Math.hypot(width, height);
  const dx = x + 0.5 - width / 2, dy = y + 0.5 - height / 2;
  const r = Math.sqrt(dx * dx + dy * dy) / hd;
  const a = v.radius - v.softness;
  const t = Math.min(1, Math.max(0, (r - a) / Math.max(1e-6, v.radius - a)));
  return 1 - v.amount * t * t * (3 - 2 * t);
}

/**
 * Film grain field, unit variance: each value is the sum of the four bytes of one 32-bit
 * draw (Irwin–Hall, close to Gaussian and four times cheaper than Box–Muller), drawn at
 * 1/size resolution and enlarged, so grain clumps like silver.
 */
export function grainField(rng: Rng, width: number, height: number, sizePx: number): Plane {
  const gw = Math.max(1, Math.round(width / sizePx)), gh = Math.max(1, Math.round(height / sizePx));
  const g = newPlane(gw, gh);
  // Sum of four uniform bytes: mean 4·127.5 = 510, variance 4·(256² − 1)/12.
  const sd = Math.sqrt((4 * (256 * 256 - 1)) / 12);
  for (let i = 0; i < g.data.length; i++) {
    const u = rng.nextU32();
    g.data[i] = ((u & 255) + ((u >>> 8) & 255) + ((u >>> 16) & 255) + (u >>> 24) - 510) / sd;
  }
  if (gw === width && gh === height) return g;
  const up = resizeBilinear(g, width, height);
  // Bilinear enlargement lowers the variance; restore unit standard deviation.
  let s = 0;
  for (let i = 0; i < up.data.length; i++) s += up.data[i] * up.data[i];
  const k = 1 / Math.sqrt(s / up.data.length || 1);
  for (let i = 0; i < up.data.length; i++) up.data[i] *= k;
  return up;
}

/** Grades linear light into the final 8-bit sRGB draft. */
export function gradeToImage8(img: Rgb, p: GradeParams, rng: Rng): Image8 {
  const { width: w, height: h } = img;
  const lut = toneLut(p);
  const grain = p.grain.amount > 0 ? grainField(rng, w, h, p.grain.sizePx) : null;
  const out = new Uint8Array(w * h * 3);
  const [sr, sg, sb] = p.shadowTint, [hr, hg, hb] = p.highlightTint;
  // Vignette per pixel from per-row and per-column squared distances (same formula as vignetteGain).
  const hd = 0.5 * Math.hypot(w, h);
  const dx2 = new Float32Array(w);
  for (let x = 0; x < w; x++) dx2[x] = ((x + 0.5 - w / 2) / hd) ** 2;
  const va = p.vignette.radius - p.vignette.softness, vspan = Math.max(1e-6, p.vignette.radius - va);
  for (let y = 0; y < h; y++) {
    const dy2 = ((y + 0.5 - h / 2) / hd) ** 2;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      let r = img.r[i], g = img.g[i], b = img.b[i];
      if (p.monochrome) {
        // Panchromatic film sees a little more red than the eye: skin reads lighter, lips darker.
        r = g = b = 0.3 * r + 0.59 * g + 0.11 * b;
      }
      let l = LUMA[0] * r + LUMA[1] * g + LUMA[2] * b;
      r = l + (r - l) * p.saturation; g = l + (g - l) * p.saturation; b = l + (b - l) * p.saturation;
      const t = Math.min(1, Math.max(0, (l - 0.02) / 0.48));
      const hw = t * t * (3 - 2 * t);
      let vt = (Math.sqrt(dx2[x] + dy2) - va) / vspan;
      vt = vt < 0 ? 0 : vt > 1 ? 1 : vt;
      const vg = 1 - p.vignette.amount * vt * vt * (3 - 2 * vt);
      r *= (sr + (hr - sr) * hw) * vg; g *= (sg + (hg - sg) * hw) * vg; b *= (sb + (hb - sb) * hw) * vg;
      let dr = lookup(lut, r), dg = lookup(lut, g), db = lookup(lut, b);
      if (grain) {
        l = 0.2126 * dr + 0.7152 * dg + 0.0722 * db;
        // Grain is most visible in the mid-tones, least in deep shadow and highlights.
        const n = grain.data[i] * p.grain.amount * (0.3 + 2.8 * l * (1 - l));
        dr += n; dg += n; db += n;
      }
      const o = i * 3;
      out[o] = dr <= 0 ? 0 : dr >= 1 ? 255 : Math.round(dr * 255);
      out[o + 1] = dg <= 0 ? 0 : dg >= 1 ? 255 : Math.round(dg * 255);
      out[o + 2] = db <= 0 ? 0 : db >= 1 ? 255 : Math.round(db * 255);
    }
  }
  return { width: w, height: h, channels: 3, data: out };
}
