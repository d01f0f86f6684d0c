// The 'couple.generate' job: analyze → drafts → identity-gate → refine → upscale → save.
// Each step's output is JSON (what later steps need); images between steps are lossless PNGs
// at deterministic names, and rows are written only by `save`, in one transaction, after
// every file is in place. Ids derive from the job id, so re-running a step is harmless.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { DraftRecipe } from '../../../../native/compose';
import type { Point3 } from '../../../../native/face';
import { defineJobType, type JobStep, type StepContext } from '../../jobs/types';
import type { AppServices } from '../../services';
import type { ImageRecord } from '../../store/repositories';
import { bestDraft, COUPLE_LABELS } from '../couple';
import { generateCoupleDrafts, seedsFrom } from '../drafts';
import { identityGate, scoreIdentity, type IdentityVerdict } from '../identity';
import { faceModelIds, modelStamp } from '../models';
import { draftRecipe, encodePortrait, upscaledRecipe, type PortraitRecipe } from '../recipe';
import { refineDraft, REFINE_SKIPPED_MESSAGE } from '../refine';
import { resolveThemeOrFail, userThemesDir } from '../theme';
import { upscalePortrait } from '../upscale';
import { loadSubject, resolveSubjects, sourceEmbeddings, type SubjectRef } from '../project/subjects';
import { encodePlainPng, generationDir, readPngImage } from './files';

export const CoupleGenerateInput = z.object({
  projectId: z.string(),
  theme: z.string(),
  count: z.number().int().min(1).max(16),
  /** Fixed when the job is created, so a resumed job renders the same seeds. */
  firstSeed: z.number().int().min(0).max(0xffffffff),
  overrides: z.record(z.string(), z.unknown()).default({}),
  upscale: z.enum(['2k', '4k']).optional(),
  /** The identity threshold in force when the user asked. */
  threshold: z.number().min(0).max(1),
});
export type CoupleGenerateInput = z.infer<typeof CoupleGenerateInput>;

type Box = { x: number; y: number; width: number; height: number };
interface DraftOut {
  seed: number;
  file: string;
  faces: { points: Point3[]; box: Box; mirrored: boolean }[];
  recipe: Omit<DraftRecipe, 'theme'>;
}
interface AnalyzeOut { subjects: SubjectRef[]; inputs: { role: string; sha256: string; faceIndex: number }[] }
interface DraftsOut { drafts: DraftOut[] }
interface GateOut { verdicts: (IdentityVerdict & { seed: number })[] }
/** `verdicts` are measured again on the refined pixels: refine may move a face away from the person. */
type RefineOut =
  | { ran: false; message: string }
  | { ran: true; model: { id: string; sha256: string }; files: Record<string, string>; verdicts?: Record<string, IdentityVerdict> };
type UpscaleOut = { ran: false; message: string } | { ran: true; seed: number; file: string; model: 'x4fast'; target: '2k' | '4k'; width: number; height: number };
interface SaveOut { generationId: string; imageIds: string[]; passed: number; rejected: number }

type Ctx = StepContext<CoupleGenerateInput>;
const out = <T>(ctx: Ctx, step: string): T => ctx.outputs[step] as T;

/** Each draft's verdict as it stands after refine (a refined draft is judged on its refined pixels). */
function finalVerdicts(ctx: Ctx): GateOut['verdicts'] {
  const refined = out<RefineOut>(ctx, 'refine');
  return out<GateOut>(ctx, 'identity-gate').verdicts.map((v) => {
    const after = refined.ran ? refined.verdicts?.[v.seed] : undefined;
    return after ? { seed: v.seed, ...after } : v;
  });
}

/** The gate again on refined pixels; the reason says refine did it, since the draft itself passed. */
function refinedVerdict(scores: number[], threshold: number): IdentityVerdict {
  const verdict = identityGate(scores, threshold, COUPLE_LABELS);
  return verdict.rejected ? { ...verdict, reason: `Refine changed the face: ${verdict.reason}` } : verdict;
}
// The user's own themes live under the data folder, so the lookup needs the services.
const themeOf = (services: AppServices) => (ctx: Ctx) => resolveThemeOrFail(ctx.input.theme, ctx.input.overrides, undefined, userThemesDir(services.dataDir));

export function coupleGenerateJob(services: AppServices) {
  const theme = themeOf(services);
  const analyze: JobStep<CoupleGenerateInput, AnalyzeOut> = {
    name: 'analyze',
    async run(ctx) {
      const models = await services.pipelineModels();
      ctx.progress(0, 'Checking both faces…');
      const subjects = await resolveSubjects(services, models, ctx.input.projectId);
      const inputs = subjects.map((s) => {
        const photo = services.repos.photos.get(s.photoId)!;
        const face = services.repos.faces.get(s.faceId)!;
        return { role: s.role, sha256: photo.sha256, faceIndex: (face.quality as { index?: number } | null)?.index ?? 0 };
      });
      return { subjects, inputs };
    },
  };

  const drafts: JobStep<CoupleGenerateInput, DraftsOut> = {
    name: 'drafts',
    async run(ctx) {
      const { subjects } = out<AnalyzeOut>(ctx, 'analyze');
      const [a, b] = await Promise.all(subjects.map((s) => loadSubject(services, s)));
      const seeds = seedsFrom(ctx.input.firstSeed, ctx.input.count);
      const rendered = await generateCoupleDrafts({
        a, b, theme: theme(ctx), seeds, signal: ctx.signal,
        onProgress: (done, total) => ctx.progress(done / total, `Draft ${done} of ${total}`),
      });
      const result: DraftOut[] = [];
      for (const d of rendered) {
        const file = `${generationDir(ctx.jobId)}/draft-${d.seed}.step.png`;
        await ctx.writeFile(file, await encodePlainPng(d.image));
        const { theme: _theme, ...recipe } = d.recipe;
        result.push({ seed: d.seed, file, faces: d.faces.map((f) => ({ points: f.points, box: f.box, mirrored: f.mirrored })), recipe });
      }
      return { drafts: result };
    },
  };

  const gate: JobStep<CoupleGenerateInput, GateOut> = {
    name: 'identity-gate',
    async run(ctx) {
      const models = await services.pipelineModels();
      const { subjects } = out<AnalyzeOut>(ctx, 'analyze');
      const sources = sourceEmbeddings(services, subjects);
      const list = out<DraftsOut>(ctx, 'drafts').drafts;
      const verdicts: GateOut['verdicts'] = [];
      for (const [i, d] of list.entries()) {
        ctx.throwIfCancelled();
        const scores = await scoreIdentity(await readPngImage(ctx.workDir, d.file), d.faces, sources, models);
        verdicts.push({ seed: d.seed, ...identityGate(scores, ctx.input.threshold, COUPLE_LABELS) });
        ctx.progress((i + 1) / list.length, `Identity checked on ${i + 1} of ${list.length}`);
      }
      return { verdicts };
    },
  };

  const refine: JobStep<CoupleGenerateInput, RefineOut> = {
    name: 'refine',
    async run(ctx) {
      const models = await services.pipelineModels();
      if (!models.diffusion) {
        ctx.progress(1, REFINE_SKIPPED_MESSAGE);
        return { ran: false, message: REFINE_SKIPPED_MESSAGE };
      }
      const { verdicts } = out<GateOut>(ctx, 'identity-gate');
      const { subjects } = out<AnalyzeOut>(ctx, 'analyze');
      const sources = sourceEmbeddings(services, subjects);
      const files: Record<string, string> = {};
      const after: Record<string, IdentityVerdict> = {};
      const list = out<DraftsOut>(ctx, 'drafts').drafts.filter((d) => !verdicts.find((v) => v.seed === d.seed)?.rejected);
      // Resolved once: the theme is read from disk.
      const params = theme(ctx).refine;
      for (const [i, d] of list.entries()) {
        const r = await refineDraft(await readPngImage(ctx.workDir, d.file), d.faces.map((f) => f.box), params, d.seed, models, { signal: ctx.signal });
        if (!r.refined) return { ran: false, message: r.message };
        files[d.seed] = `${generationDir(ctx.jobId)}/refined-${d.seed}.step.png`;
        await ctx.writeFile(files[d.seed], await encodePlainPng(r.image));
        after[d.seed] = refinedVerdict(await scoreIdentity(r.image, d.faces, sources, models), ctx.input.threshold);
        ctx.progress((i + 1) / list.length, `Refined ${i + 1} of ${list.length}`);
      }
      return { ran: true, model: { id: models.diffusion.id, sha256: models.diffusion.sha256 }, files, verdicts: after };
    },
  };

  const upscale: JobStep<CoupleGenerateInput, UpscaleOut> = {
    name: 'upscale',
    async run(ctx) {
      const target = ctx.input.upscale;
      if (!target) {
        const message = 'No upscale asked for: pick drafts and upscale them to 2K or 4K.';
        ctx.progress(1, message);
        return { ran: false, message };
      }
      const verdicts = finalVerdicts(ctx);
      const best = bestDraft(verdicts.map((v) => ({ verdict: v, seed: v.seed })));
      const d = out<DraftsOut>(ctx, 'drafts').drafts.find((x) => x.seed === best?.seed)!;
      const refined = out<RefineOut>(ctx, 'refine');
      const source = refined.ran && refined.files[d.seed] ? refined.files[d.seed] : d.file;
      const image = await upscalePortrait(await readPngImage(ctx.workDir, source), {
        target, models: await services.pipelineModels(), faceBoxes: d.faces.map((f) => f.box), signal: ctx.signal,
        onProgress: (done, total) => ctx.progress(done / total, `Upscaling draft ${d.seed}: tile ${done} of ${total}`),
      });
      const file = `${generationDir(ctx.jobId)}/upscaled-${d.seed}-${target}.step.png`;
      await ctx.writeFile(file, await encodePlainPng(image));
      return { ran: true, seed: d.seed, file, model: 'x4fast', target, width: image.width, height: image.height };
    },
  };

  const save: JobStep<CoupleGenerateInput, SaveOut> = {
    name: 'save',
    async run(ctx) {
      const models = await services.pipelineModels();
      const { subjects, inputs } = out<AnalyzeOut>(ctx, 'analyze');
      const before = out<GateOut>(ctx, 'identity-gate').verdicts;
      const verdicts = finalVerdicts(ctx);
      const refined = out<RefineOut>(ctx, 'refine');
      const upscaled = out<UpscaleOut>(ctx, 'upscale');
      const resolved = theme(ctx);
      const embed = services.repos.settings.get().embedMetadata;
      const personIds = subjects.map((s) => s.personId);
      const generationId = ctx.jobId;
      const rows: ImageRecord[] = [];
      const stepFiles: string[] = [];
      const now = services.clock();
      const row = (id: string, parentId: string | null, relPath: string, image: { width: number; height: number }, recipe: PortraitRecipe): ImageRecord => ({
        id, projectId: ctx.input.projectId, generationId, parentId, stage: recipe.stage, relPath, width: image.width, height: image.height,
        seed: recipe.seed, theme: recipe.theme.id,
        recipe, identityScores: Object.fromEntries(personIds.map((p, i) => [p, recipe.identity.scores[i]])), rating: null, favourite: false, createdAt: now,
      });
      for (const d of out<DraftsOut>(ctx, 'drafts').drafts) {
        ctx.throwIfCancelled();
        const verdict = verdicts.find((v) => v.seed === d.seed)!;
        const gated = before.find((v) => v.seed === d.seed)!;
        const refinedFile = refined.ran ? refined.files[d.seed] : undefined;
        const recipe = draftRecipe({
          appVersion: services.version,
          inputs,
          // A user-imported diffusion model is not in the catalog, so its stamp comes from the refine step.
          models: [...modelStamp(models, faceModelIds(models)), ...(refinedFile && refined.ran ? [refined.model] : [])],
          draft: { ...d.recipe, theme: resolved },
          faces: d.faces,
          identity: {
            scores: verdict.scores, threshold: verdict.threshold, rejected: verdict.rejected, reason: verdict.reason,
            ...(refinedFile ? { beforeRefine: { scores: gated.scores, threshold: gated.threshold, rejected: gated.rejected, reason: gated.reason } } : {}),
          },
          people: [...COUPLE_LABELS],
          refine: refinedFile && refined.ran ? { ran: true, model: refined.model, params: resolved.refine } : { ran: false, message: refined.ran ? 'Not refined: the draft failed the identity check.' : refined.message },
        });
        const source = refinedFile ?? d.file;
        const image = await readPngImage(ctx.workDir, source);
        const relPath = `${generationDir(generationId)}/${resolved.id}-${d.seed}-${recipe.stage}.png`;
        await ctx.writeFile(relPath, await encodePortrait(image, recipe, embed));
        stepFiles.push(d.file, ...(refinedFile ? [refinedFile] : []));
        const draftId = `${generationId}:${d.seed}`;
        rows.push(row(draftId, null, relPath, image, recipe));
        if (upscaled.ran && upscaled.seed === d.seed) {
          const big = await readPngImage(ctx.workDir, upscaled.file);
          const upRecipe = upscaledRecipe(recipe, { model: upscaled.model, modelSha256: models.catalog.get(`realesrgan-${upscaled.model}`) ?? '', target: upscaled.target, width: big.width, height: big.height, detailMask: 'draft-face-boxes' });
          const upPath = `${generationDir(generationId)}/${resolved.id}-${d.seed}-${upscaled.target}.png`;
          await ctx.writeFile(upPath, await encodePortrait(big, upRecipe, embed));
          stepFiles.push(upscaled.file);
          rows.push(row(`${draftId}:${upscaled.target}`, draftId, upPath, big, upRecipe));
        }
      }
      const { repos } = services;
      repos.db.transaction(() => {
        // A save that committed but was not recorded as done (crash in between) finds its rows here.
        if (repos.generations.get(generationId)) return;
        repos.generations.insert({ id: generationId, projectId: ctx.input.projectId, kind: 'couple', recipe: { ...ctx.input, theme: resolved }, createdAt: now });
        for (const r of rows) repos.images.insert(r);
      })();
      await Promise.all(stepFiles.map((f) => rm(join(ctx.workDir, f), { force: true })));
      const rejected = verdicts.filter((v) => v.rejected).length;
      return { generationId, imageIds: rows.map((r) => r.id), passed: verdicts.length - rejected, rejected };
    },
  };

  return defineJobType<CoupleGenerateInput>({
    type: 'couple.generate',
    heavy: true,
    input: CoupleGenerateInput as z.ZodType<CoupleGenerateInput>,
    steps: [analyze, drafts, gate, refine, upscale, save] as JobStep<CoupleGenerateInput>[],
    doneMessage: (outputs) => {
      const s = outputs.save as SaveOut;
      return `${s.passed + s.rejected} drafts: ${s.passed} passed the identity check${s.rejected ? `, ${s.rejected} rejected (shown greyed with the reason)` : ''}.`;
    },
  });
}

