// `upscaleImage`: Real-ESRGAN ×4 run tile by tile, cross-faded so no seam shows, streamed
// into the 8-bit output so working memory depends on the tile size, not the image size.
import * as ort from 'onnxruntime-node';
import sharp from 'sharp';
import type { Image8, Mask } from '../image/types';
import type { ProviderPreference } from '../runtime/providers';
import { createSession, type SessionCache } from '../runtime/session';
import { SeamBlender } from './blend';
import { featherPlane, lumaPlanar } from './detail';
import { callOp } from '../offload/client';
import { UpscaleCancelledError, UpscaleInputError } from './errors';
import { resizeToTarget, type UpscaleTarget } from './target';
import { iterateTiles, planTiles, tileCount, type Tile } from './tiles';

export type UpscaleModel = 'x4fast' | 'x4plus';

export interface UpscaleOptions {
  model: UpscaleModel;
  /** The converted ONNX file (models/onnx/realesrgan-<model>.onnx). */
  modelPath: string;
  /** Input pixels per tile side (blend span). Defaults: x4fast 256, x4plus 128 (its ×4 stage is memory-hungry). */
  tileSize?: number;
  /** Input pixels shared and cross-faded by neighbouring tiles; default 16. */
  overlap?: number;
  /** Extra input pixels fed around each tile and discarded (default TILE_CONTEXT per model). */
  tileContext?: number;
  /** '4x' (default) keeps the network's size; '2k'/'4k' then resize (Lanczos-3) to a 2048/4096 long edge. */
  target?: UpscaleTarget;
  /** Input-sized face mask: fine skin detail is restored inside it (feathered). */
  faceMask?: Mask;
  /** Restore the input's fine skin texture inside faceMask; default true (no effect without a mask). */
  preserveDetail?: boolean;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
  /** Reuse loaded sessions across calls; without it the session is created and released here. */
  sessions?: SessionCache;
  /** Execution provider preference; default 'auto' (GPU when available, else CPU). */
  provider?: ProviderPreference;
}

export const ESRGAN_SCALE = 4;
/**
 * Each tile boundary costs overlap + 2 × context = 48 extra input pixels of network work, so
 * bigger tiles waste less (768 px wide: 1.25× at 192, 1.19× at 256, 1.13× at 384) but hold
 * more activations (x4fast at 256: 64 × 288² floats = 21 MB per tensor).
 */
const DEFAULT_TILE: Record<UpscaleModel, number> = { x4fast: 256, x4plus: 128 };
const DEFAULT_OVERLAP = 16;
/**
 * Extra input pixels fed around each tile and then discarded. Measured on a portrait crop,
 * tiled vs whole: x4fast (receptive field 34 px, decaying fast) with context 0 → up to 25/255
 * off, 8 → 3/255, 16 → 1/255. x4plus (RRDB, far wider field) with 16 → 6/255, 24 → 7/255,
 * 32 → 4/255; more context would cost more than it buys (x4plus at 128 + 2×32 already holds
 * 64 × 768² floats in its ×4 stage). 16 also exceeds the 6 px the detail filters
 * (Lanczos-3, blur 3σ at 1 input px) need to match the whole-image result.
 */
const TILE_CONTEXT: Record<UpscaleModel, number> = { x4fast: 16, x4plus: 32 };
/** Detail band: finer than 1 input pixel (σ in output pixels = scale × 1). */
const DETAIL_SIGMA_INPUT_PX = 1;
const DETAIL_STRENGTH = 1;
/**
 * Local RMS (0..1 luma) of the network's own fine band above which its edges are kept rather
 * than replaced. 0.02: on the sample1 face, lashes and the iris rim stay crisp while skin
 * (network RMS ≈ 0.003) still gets its texture back (kept energy 0.81 → 0.79 of Lanczos).
 */
const DETAIL_EDGE_THRESHOLD = 0.02;

function validate(image: Image8, opts: UpscaleOptions): void {
  if (image.channels !== 3 && image.channels !== 4) throw new UpscaleInputError(`image must have 3 or 4 channels, got ${image.channels}`);
  if (!Number.isInteger(image.width) || !Number.isInteger(image.height) || image.width < 1 || image.height < 1) {
    throw new UpscaleInputError(`image size ${image.width}×${image.height} is not valid`);
  }
  if (image.data.length !== image.width * image.height * image.channels) {
    throw new UpscaleInputError(`image data holds ${image.data.length} bytes, expected ${image.width * image.height * image.channels}`);
  }
  if (opts.model !== 'x4fast' && opts.model !== 'x4plus') throw new UpscaleInputError(`model must be x4fast or x4plus, got ${String(opts.model)}`);
  if (opts.target !== undefined && !['4x', '2k', '4k'].includes(opts.target)) throw new UpscaleInputError(`target must be 4x, 2k or 4k, got ${String(opts.target)}`);
  if (opts.faceMask && (opts.faceMask.width !== image.width || opts.faceMask.height !== image.height || opts.faceMask.data.length !== image.width * image.height)) {
    throw new UpscaleInputError(`faceMask is ${opts.faceMask.width}×${opts.faceMask.height}, it must match the image (${image.width}×${image.height})`);
  }
}

/** The read region of a tile as planar RGB floats in 0..1. */
function tileInput(image: Image8, t: Tile): { data: Float32Array; width: number; height: number } {
  const w = t.x.readEnd - t.x.readStart;
  const h = t.y.readEnd - t.y.readStart;
  const plane = w * h;
  const data = new Float32Array(3 * plane);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = ((t.y.readStart + y) * image.width + t.x.readStart + x) * image.channels;
      const i = y * w + x;
      data[i] = image.data[p] / 255;
      data[plane + i] = image.data[p + 1] / 255;
      data[2 * plane + i] = image.data[p + 2] / 255;
    }
  }
  return { data, width: w, height: h };
}

function cropMask(mask: Float32Array, maskWidth: number, t: Tile): { data: Float32Array; any: boolean } {
  const w = t.x.readEnd - t.x.readStart;
  const h = t.y.readEnd - t.y.readStart;
  const data = new Float32Array(w * h);
  let any = false;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = mask[(t.y.readStart + y) * maskWidth + t.x.readStart + x];
      data[y * w + x] = v;
      if (v > 0) any = true;
    }
  }
  return { data, any };
}

async function upscaleAlpha(image: Image8, scale: number): Promise<Uint8Array> {
  const alpha = new Uint8Array(image.width * image.height);
  for (let i = 0; i < alpha.length; i++) alpha[i] = image.data[i * 4 + 3];
  const out = await sharp(alpha, { raw: { width: image.width, height: image.height, channels: 1 } })
    .resize(image.width * scale, image.height * scale, { kernel: 'lanczos3' })
    .extractChannel(0) // sharp widens a one-channel image to sRGB; keep one plane
    .raw()
    .toBuffer();
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function upscaleImage(image: Image8, opts: UpscaleOptions): Promise<Image8> {
  validate(image, opts);
  const tileSize = opts.tileSize ?? DEFAULT_TILE[opts.model];
  const overlap = opts.overlap ?? DEFAULT_OVERLAP;
  let plan;
  try {
    plan = planTiles(image.width, image.height, tileSize, overlap, opts.tileContext ?? TILE_CONTEXT[opts.model]);
  } catch (err) {
    throw new UpscaleInputError((err as Error).message);
  }
  const total = tileCount(plan);
  const s = ESRGAN_SCALE;
  if (opts.signal?.aborted) throw new UpscaleCancelledError(0, total);

  const restore = opts.faceMask && opts.preserveDetail !== false;
  const mask = restore
    ? featherPlane(opts.faceMask!.data, image.width, image.height, Math.max(2, Math.round(0.02 * Math.min(image.width, image.height))))
    : null;

  const sessionOpts = { preference: opts.provider ?? 'auto' } as const;
  const loaded = opts.sessions ? await opts.sessions.get(opts.modelPath, sessionOpts) : await createSession(opts.modelPath, sessionOpts);
  const session = loaded.session;
  try {
    const out: Image8 = { width: image.width * s, height: image.height * s, channels: image.channels, data: new Uint8Array(image.width * s * image.height * s * image.channels) };
    const blender = new SeamBlender(plan, s, out.data, image.channels);
    opts.onProgress?.(0, total);
    let done = 0;
    for (const t of iterateTiles(plan)) {
      await nextTurn(); // lets an abort (timer, signal handler, IPC) land between tiles
      if (opts.signal?.aborted) throw new UpscaleCancelledError(done, total);
      const input = tileInput(image, t);
      const result = await session.run({ [session.inputNames[0]]: new ort.Tensor('float32', input.data, [1, 3, input.height, input.width]) });
      const y = result[session.outputNames[0]];
      const ow = input.width * s;
      const oh = input.height * s;
      if (y.dims.join() !== `1,3,${oh},${ow}`) throw new Error(`model ${opts.modelPath} returned ${y.dims.join('×')} for a ${input.width}×${input.height} tile; expected a ×4 upscaler`);
      let rgb = y.data as Float32Array;
      if (mask) {
        const m = cropMask(mask, image.width, t);
        // On the pixel worker: ~0.6 s of math per face tile would hold this thread.
        if (m.any) rgb = await callOp('restoreDetail', { rgb, width: ow, height: oh, inputLuma: lumaPlanar(input.data, input.width, input.height), mask: m.data, scale: s, sigma: DETAIL_SIGMA_INPUT_PX * s, strength: DETAIL_STRENGTH, edgeThreshold: DETAIL_EDGE_THRESHOLD });
      }
      blender.add(t.col, t.row, { data: rgb, width: ow, height: oh, offsetX: (t.x.start - t.x.readStart) * s, offsetY: (t.y.start - t.y.readStart) * s });
      y.dispose?.();
      done++;
      opts.onProgress?.(done, total);
    }
    if (image.channels === 4) {
      const alpha = await upscaleAlpha(image, s);
      for (let i = 0; i < alpha.length; i++) out.data[i * 4 + 3] = alpha[i];
    }
    return await resizeToTarget(out, opts.target ?? '4x');
  } finally {
    if (!opts.sessions) await session.release();
  }
}
