// Public surface of the upscaler.
export { upscaleImage, ESRGAN_SCALE, type UpscaleModel, type UpscaleOptions } from './upscale';
export { UpscaleCancelledError, UpscaleInputError } from './errors';
export { targetSize, resizeToTarget, type UpscaleTarget } from './target';
export { fineDetailEnergy } from './detail-metric';
export { faceMaskFromBoxes, type FaceBox } from './face-mask';
