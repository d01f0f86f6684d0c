// Public surface of the diffusion engine.
export { refineImage, type RefineOptions } from './refine';
export { sampleImages, DEFAULT_GRID, type Denoiser, type SampleOptions, type CondFeeds, type CondValue } from './sample';
export { loadDiffusionModel, readDiffusionContract, wrapSession, type LoadedDiffusionModel } from './model';
export { createSchedule, noiseGrid, type Schedule, type NoiseLevel, type GridKind } from './schedule';
export { fillNoise } from './noise';
export {
  parseDiffusionContract,
  checkSessionIo,
  ContractError,
  SAMPLER_NAMES,
  type DiffusionContract,
  type SamplerName,
  type Prediction,
} from '../../models/diffusion/contract';
