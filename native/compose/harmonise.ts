// Colour harmony: make two selfies taken under different lights look lit by one scene.
// Step 1 neutralises each photo's own light (grey world, like a camera's auto white
// balance: the average of a varied scene is close to neutral). Step 2 meters each photo
// like a camera (mean log luminance → middle grey), so both people end at one exposure
// without equalising their skin tones, which belong to their identity. Step 3 tints both
// by the theme's light.
import { luminance } from './colour';
import type { Rgb } from './planes';

export type Gains = [number, number, number];

/**
 * Per-channel gains that make the weighted mean colour neutral while keeping its luminance.
 * Pixels near black or clipped carry no colour information and are left out.
 */
export function greyWorldGains(img: Rgb, weight?: Float32Array): Gains {
  let sr = 0, sg = 0, sb = 0, sw = 0;
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) {
    const r = img.r[i], g = img.g[i], b = img.b[i];
    const hi = r > g ? (r > b ? r : b) : g > b ? g : b;
    if (hi < 0.01 || hi > 0.95) continue;
    const w = weight ? weight[i] : 1;
    sr += r * w; sg += g * w; sb += b * w; sw += w;
  }
  if (sw === 0 || sr <= 0 || sg <= 0 || sb <= 0) return [1, 1, 1];
  const l = luminance(sr, sg, sb);
  return [l / sr, l / sg, l / sb];
}

/**
 * Partial correction: gains raised to `strength` (0 = unchanged, 1 = fully neutral), each
 * limited to ±`maxEv` stops. Grey world is fooled by a scene that really is coloured (a
 * yellow wall behind the selfie), and an unlimited correction would then turn skin blue.
 */
export function partialGains(g: Gains, strength: number, maxEv = 0.4): Gains {
  const lim = (v: number) => Math.pow(2, Math.max(-maxEv, Math.min(maxEv, Math.log2(v) * strength)));
  return [lim(g[0]), lim(g[1]), lim(g[2])];
}

/** Geometric mean luminance (what a centre-weighted meter integrates), over weighted pixels. */
export function meanLogLuminance(img: Rgb, weight?: Float32Array): number {
  let s = 0, sw = 0;
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) {
    const w = weight ? weight[i] : 1;
    if (w <= 0) continue;
    s += Math.log(luminance(img.r[i], img.g[i], img.b[i]) + 1e-4) * w;
    sw += w;
  }
  return sw > 0 ? Math.exp(s / sw) : 0.18;
}

/** Gain that brings a metered luminance to the target; limited to ±maxEv so a bad meter reading cannot wreck a face. */
export function exposureGain(metered: number, target: number, maxEv = 1.5): number {
  const ev = Math.log2(target / Math.max(1e-6, metered));
  return Math.pow(2, Math.max(-maxEv, Math.min(maxEv, ev)));
}

export function applyGains(img: Rgb, g: Gains, scale = 1): void {
  const n = img.width * img.height;
  const gr = g[0] * scale, gg = g[1] * scale, gb = g[2] * scale;
  for (let i = 0; i < n; i++) {
    img.r[i] *= gr; img.g[i] *= gg; img.b[i] *= gb;
  }
}
