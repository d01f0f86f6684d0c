// The couple pipeline in memory, for callers that run it in one go (the CLI, the demo):
// drafts → identity gate → refine (when possible) → recipes; then upscale chosen drafts.
// The job steps (jobs/couple-generate.ts) call the same pieces one step at a time.
import type { DraftFace } from '../../../native/compose';
import type { Image8 } from '../../../native/image/types';
import type { UpscaleModel } from '../../../native/upscale';
import type { ResolvedTheme } from '../../../themes/schema';
import type { PortraitSubject } from './analyze';
import { generateCoupleDrafts } from './drafts';
import { identityGate, scoreIdentity, type IdentityVerdict } from './identity';
import { faceModelIds, modelStamp, type PipelineModels } from './models';
import { draftRecipe, upscaledRecipe, type PortraitRecipe } from './recipe';
import { refineDraft } from './refine';
import { upscalePortrait } from './upscale';

export const COUPLE_LABELS = ['person A', 'person B'] as const;

export interface ScoredDraft {
  seed: number;
  image: Image8;
  faces: [DraftFace, DraftFace];
  verdict: IdentityVerdict;
  recipe: PortraitRecipe;
}

export interface CoupleRunRequest {
  a: PortraitSubject;
  b: PortraitSubject;
  theme: ResolvedTheme;
  seeds: readonly number[];
  models: PipelineModels;
  threshold: number;
  appVersion: string;
  onProgress?(stage: 'drafts' | 'identity' | 'refine', done: number, total: number): void;
  signal?: AbortSignal;
}

export async function scoredCoupleDrafts(req: CoupleRunRequest): Promise<ScoredDraft[]> {
  const drafts = await generateCoupleDrafts({
    a: req.a,
    b: req.b,
    theme: req.theme,
    seeds: req.seeds,
    signal: req.signal,
    onProgress: (done, total) => req.onProgress?.('drafts', done, total),
  });
  const inputs = [req.a, req.b].map((p, i) => ({ role: i === 0 ? 'a' : 'b', sha256: p.sha256, faceIndex: p.faceIndex }));
  const sources = [req.a.face.embedding, req.b.face.embedding];
  const out: ScoredDraft[] = [];
  for (const [i, d] of drafts.entries()) {
    const scores = await scoreIdentity(d.image, d.faces, sources, req.models);
    const verdict = identityGate(scores, req.threshold, COUPLE_LABELS);
    req.onProgress?.('identity', i + 1, drafts.length);
    const refine = await refineDraft(d.image, d.faces.map((f) => f.box), req.theme.refine, d.seed, req.models, { signal: req.signal });
    req.onProgress?.('refine', i + 1, drafts.length);
    const recipe = draftRecipe({
      appVersion: req.appVersion,
      inputs,
      models: modelStamp(req.models, [...faceModelIds(req.models), ...(refine.refined ? [refine.model.id] : [])]),
      draft: d.recipe,
      faces: d.faces,
      identity: verdict,
      people: [...COUPLE_LABELS],
      refine: refine.refined ? { ran: true, model: refine.model, params: refine.params } : { ran: false, message: refine.message },
    });
    out.push({ seed: d.seed, image: refine.refined ? refine.image : d.image, faces: d.faces, verdict, recipe });
  }
  return out;
}

/** The lowest of a draft's face scores: a portrait is only as good as its weaker likeness. */
export const weakestScore = (v: IdentityVerdict): number => Math.min(...v.scores);

/** The draft to upscale: the passing one with the best weakest score (a rejected one only if all are). */
export function bestDraft<T extends { verdict: IdentityVerdict }>(drafts: readonly T[]): T | null {
  const pool = drafts.some((d) => !d.verdict.rejected) ? drafts.filter((d) => !d.verdict.rejected) : drafts;
  let best: T | null = null;
  for (const d of pool) if (!best || weakestScore(d.verdict) > weakestScore(best.verdict)) best = d;
  return best;
}

export async function upscaleScoredDraft(
  draft: Pick<ScoredDraft, 'image' | 'faces' | 'recipe'>,
  opts: { target: '2k' | '4k'; model?: UpscaleModel; models: PipelineModels; onProgress?(done: number, total: number): void; signal?: AbortSignal },
): Promise<{ image: Image8; recipe: PortraitRecipe }> {
  const model = opts.model ?? 'x4fast';
  const image = await upscalePortrait(draft.image, { ...opts, model, faceBoxes: draft.faces.map((f) => f.box) });
  const recipe = upscaledRecipe(draft.recipe, {
    model,
    modelSha256: opts.models.catalog.get(`realesrgan-${model}`) ?? '',
    target: opts.target,
    width: image.width,
    height: image.height,
    detailMask: 'draft-face-boxes',
  });
  return { image, recipe };
}
