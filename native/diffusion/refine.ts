// refineImage: the refine stage's verb. SDEdit img2img (Meng et al. 2022) of a draft with a
// pixel-diffusion model at its native resolution, blended back into the full-size draft.
//
// Geometry: the draft is scaled (keeping its aspect) so that it just covers the model's native
// size, then covered by native-size tiles with cross-faded overlaps; all tiles go through the
// model together as one batch. What is blended back into the full-size draft is the *change*
// the model made (refined - scaled input), upsampled: detail finer than the model could see is
// kept from the draft rather than replaced by an upsampled blur.
// Faces: a mask (1 = face) lowers the strength locally (per-pixel strength, see sample.ts), so
// the face is only lightly harmonised and identity holds.
import type { SamplerName } from '../../models/diffusion/contract';
import type { ImageF, Mask } from '../image/types';
import type { SessionCache } from '../runtime/session';
import { loadDiffusionModel, type LoadedDiffusionModel } from './model';
import { resample, tileStarts, tileWeight, type Planes } from './resample';
import { sampleImages, type CondFeeds, type Denoiser } from './sample';

export interface RefineOptions {
  /** Path of an ONNX model that meets the diffusion contract (models/DIFFUSION.md). */
  modelPath: string;
  /** img2img strength, 0.4–0.7 typical: the fraction of the schedule's time the draft is noised to. */
  strength: number;
  steps?: number;
  sampler?: SamplerName;
  cfg?: number;
  seed: number;
  /** 1 = face (protected), 0 = elsewhere; any size, resampled to the image. */
  faceMask?: Mask;
  /** Strength inside the face mask; default half of `strength`. */
  faceStrength?: number;
  /** One value per conditioning input of the model (for one sample); missing inputs are unconditional. */
  conditioning?: CondFeeds;
  /** Colour encoding of the input and output image; default 'srgb'. */
  colorSpace?: 'srgb' | 'linear';
  onProgress?(step: number, total: number): void;
  signal?: AbortSignal;
  /** Reuse sessions across calls; without it the session is created and released per call. */
  cache?: SessionCache;
  /** Test hook and reuse: an already loaded model instead of modelPath. */
  model?: Denoiser;
}

function srgbToLinear(v: number): number {
  return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
}
function linearToSrgb(v: number): number {
  return v <= 0.0031308 ? v * 12.92 : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
}

function convertColour(img: Planes, from: 'srgb' | 'linear', to: 'srgb' | 'linear'): Planes {
  if (from === to) return img;
  const f = to === 'linear' ? srgbToLinear : linearToSrgb;
  return { ...img, data: img.data.map((v) => f(Math.min(1, Math.max(0, v)))) };
}

interface Tile {
  x: number;
  y: number;
  rampL: number;
  rampR: number;
  rampT: number;
  rampB: number;
}

function layoutTiles(width: number, height: number, tw: number, th: number): Tile[] {
  const xs = tileStarts(width, tw);
  const ys = tileStarts(height, th);
  const tiles: Tile[] = [];
  for (const [j, y] of ys.entries()) {
    for (const [i, x] of xs.entries()) {
      tiles.push({
        x,
        y,
        rampL: i > 0 ? xs[i - 1] + tw - x : 0,
        rampR: i < xs.length - 1 ? x + tw - xs[i + 1] : 0,
        rampT: j > 0 ? ys[j - 1] + th - y : 0,
        rampB: j < ys.length - 1 ? y + th - ys[j + 1] : 0,
      });
    }
  }
  return tiles;
}

/**
 * Refines a draft with a pixel-diffusion model (SDEdit img2img) and returns an image of the same
 * size, channels and colour encoding (RGB, 0..1; sRGB-encoded unless colorSpace says linear).
 */
export async function refineImage(image: ImageF, opts: RefineOptions): Promise<ImageF> {
  if (image.channels !== 3) throw new Error(`refineImage needs an RGB image (3 channels), got ${image.channels}`);
  const faceStrength = opts.faceStrength ?? opts.strength * 0.5;
  for (const [name, v] of [['strength', opts.strength], ['faceStrength', faceStrength]] as const) {
    if (!(v >= 0 && v <= 1)) throw new RangeError(`${name} must be between 0 and 1, got ${v}`);
  }
  let owned: LoadedDiffusionModel | null = null;
  const model = opts.model ?? (owned = await loadDiffusionModel(opts.modelPath, { cache: opts.cache }));
  try {
    return await refineWith(model, image, opts, faceStrength);
  } finally {
    // A session we created ourselves (no cache) is ours to release; cached ones belong to the cache.
    if (owned && !opts.cache) await owned.release();
  }
}

async function refineWith(model: Denoiser, image: ImageF, opts: RefineOptions, faceStrength: number): Promise<ImageF> {
  const c = model.contract;
  if (c.channels !== 3) throw new Error(`model "${c.title}" has ${c.channels} channels; refine needs an RGB (3-channel) model`);
  const top = Math.max(opts.strength, opts.faceMask ? faceStrength : 0);
  if (top === 0) return { ...image, data: image.data.slice() };
  const colour = opts.colorSpace ?? 'srgb';
  const scale = Math.max(c.width / image.width, c.height / image.height);
  const W = Math.max(c.width, Math.round(image.width * scale));
  const H = Math.max(c.height, Math.round(image.height * scale));
  const scaled = resample(image, W, H);
  const modelInput = convertColour(scaled, colour, c.colorSpace);
  const mask = opts.faceMask ? resample({ width: opts.faceMask.width, height: opts.faceMask.height, channels: 1, data: opts.faceMask.data }, W, H) : null;

  const tiles = layoutTiles(W, H, c.width, c.height);
  const HW = c.width * c.height;
  const D = 3 * HW;
  const [lo, hi] = c.valueRange;
  const init = new Float32Array(tiles.length * D);
  const pixelStrength = mask ? new Float32Array(tiles.length * HW) : undefined;
  tiles.forEach((t, n) => {
    for (let y = 0; y < c.height; y++) {
      for (let x = 0; x < c.width; x++) {
        const src = (t.y + y) * W + (t.x + x);
        const p = y * c.width + x;
        for (let ch = 0; ch < 3; ch++) init[n * D + ch * HW + p] = lo + (hi - lo) * modelInput.data[src * 3 + ch];
        if (pixelStrength && mask) {
          const m = Math.min(1, Math.max(0, mask.data[src]));
          pixelStrength[n * HW + p] = opts.strength * (1 - m) + faceStrength * m;
        }
      }
    }
  });

  const out = await sampleImages(model, {
    batch: tiles.length,
    seed: opts.seed,
    steps: opts.steps,
    sampler: opts.sampler,
    cfg: opts.cfg ?? c.recommendedCfg,
    conditioning: opts.conditioning,
    init,
    strength: top,
    pixelStrength,
    onProgress: opts.onProgress,
    signal: opts.signal,
  });

  // Cross-fade the tiles back into one scaled image.
  const acc = new Float32Array(W * H * 3);
  const wsum = new Float32Array(W * H);
  tiles.forEach((t, n) => {
    for (let y = 0; y < c.height; y++) {
      const wy = tileWeight(y, c.height, t.rampT, t.rampB);
      for (let x = 0; x < c.width; x++) {
        const w = wy * tileWeight(x, c.width, t.rampL, t.rampR);
        const dst = (t.y + y) * W + (t.x + x);
        const p = y * c.width + x;
        wsum[dst] += w;
        for (let ch = 0; ch < 3; ch++) acc[dst * 3 + ch] += w * ((out[n * D + ch * HW + p] - lo) / (hi - lo));
      }
    }
  });
  for (let i = 0; i < W * H; i++) for (let ch = 0; ch < 3; ch++) acc[i * 3 + ch] /= wsum[i];
  const refined = convertColour({ width: W, height: H, channels: 3, data: acc }, c.colorSpace, colour);

  // Blend back the change, at the draft's own size.
  const delta = { width: W, height: H, channels: 3, data: refined.data.map((v, i) => v - scaled.data[i]) };
  const change = resample(delta, image.width, image.height);
  const data = image.data.map((v, i) => Math.min(1, Math.max(0, v + change.data[i])));
  return { width: image.width, height: image.height, channels: 3, data };
}
