// Optional refine stage: pixel-diffusion img2img over a draft, only with a real diffusion model.
// Without one the stage is skipped and says so (no test-only denoiser ever touches a portrait).
import { refineImage, type SamplerName } from '../../../native/diffusion';
import type { Image8 } from '../../../native/image/types';
import { faceMaskFromBoxes, type FaceBox } from '../../../native/upscale';
import type { ResolvedTheme } from '../../../themes/schema';
import type { PipelineModels } from './models';

export const REFINE_SKIPPED_MESSAGE = 'Refine skipped: no diffusion model is installed (add one in Settings › Models). Drafts go on unrefined.';

export type RefineParams = ResolvedTheme['refine'];

export type RefineOutcome = { refined: false; message: string } | { refined: true; image: Image8; model: { id: string; sha256: string }; params: RefineParams };

function toFloat(image: Image8): { width: number; height: number; channels: 3; data: Float32Array } {
  const n = image.width * image.height;
  const data = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) data[i * 3 + c] = image.data[i * image.channels + c] / 255;
  return { width: image.width, height: image.height, channels: 3, data };
}

function toImage8(f: { width: number; height: number; data: Float32Array }): Image8 {
  const data = new Uint8Array(f.width * f.height * 3);
  for (let i = 0; i < data.length; i++) data[i] = Math.round(Math.min(1, Math.max(0, f.data[i])) * 255);
  return { width: f.width, height: f.height, channels: 3, data };
}

// Themes spell samplers the way photographers' tools do; the engine uses the contract's names
// (its dpmpp_2m already runs on a Karras grid).
const SAMPLER: Record<RefineParams['sampler'], SamplerName> = {
  ddim: 'ddim',
  euler: 'euler',
  'euler-a': 'euler_a',
  'dpmpp-2m-karras': 'dpmpp_2m',
  lcm: 'lcm',
};

export function refineAvailable(models: PipelineModels): boolean {
  return models.diffusion !== null;
}

export async function refineDraft(
  image: Image8,
  faceBoxes: readonly FaceBox[],
  params: RefineParams,
  seed: number,
  models: PipelineModels,
  opts: { signal?: AbortSignal; onProgress?(step: number, total: number): void } = {},
): Promise<RefineOutcome> {
  const model = models.diffusion;
  if (!model) return { refined: false, message: REFINE_SKIPPED_MESSAGE };
  const out = await refineImage(toFloat(image), {
    modelPath: model.path,
    strength: params.strength,
    steps: params.steps,
    sampler: SAMPLER[params.sampler],
    cfg: params.cfg,
    seed,
    faceMask: faceMaskFromBoxes(image.width, image.height, faceBoxes),
    cache: models.sessions,
    signal: opts.signal,
    onProgress: opts.onProgress,
  });
  return { refined: true, image: toImage8(out), model: { id: model.id, sha256: model.sha256 }, params };
}
