// refineImage end to end with a test-only exact model whose data are two smooth RGB images.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OnnxGraphBuilder } from '../../../models/convert/onnx/graph-builder';
import { buildExactDenoiser, type ExactDenoiserSpec } from '../../../models/diffusion/exact-denoiser';
import type { ImageF } from '../../../native/image/types';
import { readDiffusionContract, type LoadedDiffusionModel } from '../../../native/diffusion/model';
import { refineImage } from '../../../native/diffusion/refine';
import { SCHEDULES, exactModel } from './helpers';

const S = 16;
const HW = S * S;

/** Smooth template k in model space [-1, 1], NCHW. */
function smooth(k: number): Float32Array {
  const out = new Float32Array(3 * HW);
  for (let c = 0; c < 3; c++) {
    for (let y = 0; y < S; y++) {
      for (let x = 0; x < S; x++) {
        const u = k === 0 ? x / (S - 1) : y / (S - 1);
        out[c * HW + y * S + x] = 0.6 * Math.cos(Math.PI * u + c * 0.7) - 0.1 * c;
      }
    }
  }
  return out;
}
const TEMPLATES = [smooth(0), smooth(1)];
const SPEC: ExactDenoiserSpec = { means: TEMPLATES, std: 0.03, channels: 3, height: S, width: S, prediction: 'eps', schedule: SCHEDULES.ddpmLinear, recommendedSteps: 10 };

/** Template k as an interleaved sRGB image in 0..1. */
function templateImage(k: number): ImageF {
  const data = new Float32Array(HW * 3);
  for (let p = 0; p < HW; p++) for (let c = 0; c < 3; c++) data[p * 3 + c] = (TEMPLATES[k][c * HW + p] + 1) / 2;
  return { width: S, height: S, channels: 3, data };
}

function rms(a: Float32Array, b: Float32Array, pick: (i: number) => boolean = () => true): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (pick(i)) (s += (a[i] - b[i]) ** 2), n++;
  return Math.sqrt(s / n);
}

describe('refineImage', () => {
  let model: LoadedDiffusionModel;
  let dir: string;
  beforeAll(async () => {
    model = await exactModel(SPEC);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairlight-diffusion-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  // A draft that is template 0 with its left half brightened: off the data manifold.
  const draft = templateImage(0);
  for (let p = 0; p < HW; p++) if (p % S < S / 2) for (let c = 0; c < 3; c++) draft.data[p * 3 + c] = Math.min(1, draft.data[p * 3 + c] + 0.15);

  it('pulls a draft towards the model distribution, more with more strength', async () => {
    const target = templateImage(0).data;
    const before = rms(draft.data, target);
    const after: number[] = [];
    for (const strength of [0.3, 0.6]) {
      const out = await refineImage(draft, { modelPath: '', model, strength, seed: 4, sampler: 'dpmpp_2m' });
      expect(out.width).toBe(S);
      expect(out.data.every((v) => v >= 0 && v <= 1)).toBe(true);
      after.push(rms(out.data, target));
    }
    expect(after[0]).toBeLessThan(before);
    expect(after[1]).toBeLessThan(after[0]);
    expect(after[1]).toBeLessThan(before / 2);
  });

  it('a face mask protects its region: strength 0 keeps it exactly, a lower strength changes it less', async () => {
    const faceMask = { width: S, height: S, data: Float32Array.from({ length: HW }, (_, p) => (p % S < S / 2 ? 1 : 0)) };
    const inFace = (i: number) => Math.floor(i / 3) % S < S / 2 - 1;
    const outside = (i: number) => Math.floor(i / 3) % S >= S / 2 + 1;
    const kept = await refineImage(draft, { modelPath: '', model, strength: 0.6, faceStrength: 0, faceMask, seed: 4 });
    expect(rms(kept.data, draft.data, inFace)).toBeLessThan(1e-6);
    const full = await refineImage(draft, { modelPath: '', model, strength: 0.6, seed: 4 });
    // SPEC's data are nearly two points (std 0.03), so any noise level above 0.03 snaps to a
    // template; a broader distribution shows the graded effect of a lower strength.
    const broad = await exactModel({ ...SPEC, std: 0.3 });
    const light = await refineImage(draft, { modelPath: '', model: broad, strength: 0.6, faceStrength: 0.05, faceMask, seed: 4 });
    const fullBroad = await refineImage(draft, { modelPath: '', model: broad, strength: 0.6, seed: 4 });
    expect(rms(kept.data, draft.data, outside)).toBeGreaterThan(0.005);
    expect(rms(kept.data, draft.data, outside)).toBeGreaterThan(rms(full.data, draft.data, outside) / 2);
    expect(rms(light.data, draft.data, inFace)).toBeGreaterThan(1e-3);
    expect(rms(light.data, draft.data, inFace)).toBeLessThan(0.75 * rms(fullBroad.data, draft.data, inFace));
  });

  it('tiles a wider draft in one batch, keeps detail finer than the model sees, is deterministic', async () => {
    const W = 40, H = 24;
    const data = new Float32Array(W * H * 3);
    for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) for (let c = 0; c < 3; c++) data[(y * W + x) * 3 + c] = 0.5 + 0.3 * Math.sin(x / 9 + c) + ((x + y) % 2 ? 0.04 : -0.04);
    const wide: ImageF = { width: W, height: H, channels: 3, data };
    const batches: number[] = [];
    const steps: number[] = [];
    const spy = { contract: model.contract, predict: (...a: Parameters<typeof model.predict>) => (batches.push(a[2]), model.predict(...a)) };
    const opts = { modelPath: '', model: spy, strength: 0.5, steps: 6, seed: 8, onProgress: (s: number) => steps.push(s) };
    const out = await refineImage(wide, opts);
    expect([out.width, out.height, out.channels]).toEqual([W, H, 3]);
    expect(new Set(batches)).toEqual(new Set([2])); // 27×16 after scaling: two overlapping 16×16 tiles
    expect(steps).toEqual([1, 2, 3, 4, 5, 6]);
    // The ±0.04 checkerboard is finer than a model pixel, so it must survive unchanged.
    let corr = 0;
    let norm = 0;
    for (let y = 1; y < H - 1; y++) {
      for (let x = 1; x < W - 1; x++) {
        const i = (y * W + x) * 3;
        const hf = out.data[i] - (out.data[i - 3] + out.data[i + 3]) / 2;
        const sign = (x + y) % 2 ? 1 : -1;
        corr += hf * sign;
        norm += 1;
      }
    }
    expect(corr / norm).toBeGreaterThan(0.06);
    const again = await refineImage(wide, opts);
    expect(Buffer.from(again.data.buffer).equals(Buffer.from(out.data.buffer))).toBe(true);
  });

  it('loads a model file by path, and refuses a file without the contract', async () => {
    const file = path.join(dir, 'exact.onnx');
    fs.writeFileSync(file, buildExactDenoiser(SPEC));
    expect((await readDiffusionContract(file)).testOnly).toBe(true);
    const out = await refineImage(draft, { modelPath: file, strength: 0.5, steps: 4, seed: 1 });
    expect(rms(out.data, draft.data)).toBeGreaterThan(0.01);

    const g = new OnnxGraphBuilder('plain');
    g.input('sample', ['batch', 3, S, S]);
    g.node('Identity', ['sample'], ['prediction']);
    g.output('prediction', ['batch', 3, S, S]);
    const plain = path.join(dir, 'plain.onnx');
    fs.writeFileSync(plain, g.toBytes());
    await expect(refineImage(draft, { modelPath: plain, strength: 0.5, seed: 1 })).rejects.toThrow(/pairlight\.diffusion\.version is missing/);
  });

  it('conditioning and guidance steer the refined draft to the chosen template', async () => {
    const cond = await exactModel({ ...SPEC, conditional: true });
    const half = templateImage(0);
    for (let i = 0; i < half.data.length; i++) half.data[i] = (templateImage(0).data[i] + templateImage(1).data[i]) / 2;
    for (const k of [0, 1]) {
      const out = await refineImage(half, { modelPath: '', model: cond, strength: 0.7, seed: 3, cfg: 2, conditioning: { class_labels: BigInt64Array.of(BigInt(k)) } });
      expect(rms(out.data, templateImage(k).data)).toBeLessThan(rms(out.data, templateImage(1 - k).data) / 3);
    }
  });

  it('a linear-light draft gives the linear-light version of the sRGB result', async () => {
    const toLinear = (v: number) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    const srgbOut = await refineImage(draft, { modelPath: '', model, strength: 0.5, seed: 6 });
    const linIn = { ...draft, data: draft.data.map(toLinear) };
    const linOut = await refineImage(linIn, { modelPath: '', model, strength: 0.5, seed: 6, colorSpace: 'linear' });
    expect(rms(linOut.data, srgbOut.data.map(toLinear))).toBeLessThan(1e-5);
    expect(rms(linOut.data, linIn.data)).toBeGreaterThan(0.01);
  });

  it('stops when cancelled', async () => {
    const ctrl = new AbortController();
    ctrl.abort();
    await expect(refineImage(draft, { modelPath: '', model, strength: 0.5, seed: 1, signal: ctrl.signal })).rejects.toThrow(/abort/i);
  });
});
