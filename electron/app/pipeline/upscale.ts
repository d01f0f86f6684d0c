// Upscale stage for portraits: Real-ESRGAN (x4fast by default) to a 2K/4K long edge, with the
// draft's own face boxes as the detail mask, so skin keeps its pores instead of going plastic.
import type { Image8 } from '../../../native/image/types';
import { faceMaskFromBoxes, upscaleImage, UpscaleCancelledError, type FaceBox, type UpscaleModel, type UpscaleTarget } from '../../../native/upscale';
import { PairlightError } from '../errors';
import type { PipelineModels } from './models';

export interface PortraitUpscaleOptions {
  model?: UpscaleModel;
  target: Exclude<UpscaleTarget, '4x'>;
  faceBoxes: readonly FaceBox[];
  models: PipelineModels;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

export async function upscalePortrait(image: Image8, opts: PortraitUpscaleOptions): Promise<Image8> {
  const model = opts.model ?? 'x4fast';
  const modelPath = opts.models.upscalePaths[model];
  if (!modelPath) {
    throw new PairlightError('MODEL_MISSING', `The Real-ESRGAN ${model} model is not installed, so images cannot be upscaled. Run "npm run models" (or install it in Settings › Models) and try again.`);
  }
  const boxes = opts.faceBoxes.filter((b) => b.width > 0 && b.height > 0);
  try {
    return await upscaleImage(image, {
      model,
      modelPath,
      target: opts.target,
      faceMask: boxes.length ? faceMaskFromBoxes(image.width, image.height, boxes) : undefined,
      sessions: opts.models.sessions,
      onProgress: opts.onProgress,
      signal: opts.signal,
    });
  } catch (error) {
    if (error instanceof UpscaleCancelledError) throw new PairlightError('CANCELLED', 'The upscale was cancelled.');
    throw error;
  }
}
