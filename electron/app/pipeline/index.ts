// The portrait pipeline, free of the database and of Electron: the CLI, the demo and the job
// steps all call these verbs.
export { analyzeForPortrait, asContractError, pickFace, type PortraitSubject, type AnalyzeForPortraitOptions } from './analyze';
export { generateCoupleDrafts, seedsFrom, type CoupleDraft, type CoupleDraftsRequest } from './drafts';
export { identityGate, scoreIdentity, type IdentityVerdict, type DraftFacePoints } from './identity';
export { openPipelineModels, closePipelineModels, modelStamp, faceModelIds, type PipelineModels, type ModelStampEntry } from './models';
export { draftRecipe, upscaledRecipe, encodePortrait, type PortraitRecipe, type PortraitStage, type RecipeInput } from './recipe';
export { refineDraft, refineAvailable, REFINE_SKIPPED_MESSAGE, type RefineOutcome } from './refine';
export { upscalePortrait, type PortraitUpscaleOptions } from './upscale';
export { scoredCoupleDrafts, bestDraft, weakestScore, upscaleScoredDraft, COUPLE_LABELS, type ScoredDraft, type CoupleRunRequest } from './couple';
export { resolveThemeOrFail } from './theme';
