// The 'baby.generate' job: parents → portraits → refine (only with a diffusion model) → save. The two parents are the project's
// person A and person B (their chosen photo and face, as for a couple). Each variation's
// portrait, trait report and report card are written at deterministic names, and the rows
// only by `save`, in one transaction, so a resumed job neither duplicates nor loses work.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { analyseParent } from '../../../../native/baby/traits';
import { generateBabies, measureResemblance, type AnalysedParent } from '../../../../native/baby/generate';
import { renderReportCard, type TraitReport } from '../../../../native/baby/report';
import type { Variation } from '../../../../native/baby/inheritance';
import { TraitError } from '../../../../native/baby/traits';
import { encodeWithRecipe } from '../../../../native/recipe/embed';
import { PairlightError } from '../../errors';
import { defineJobType, type JobStep, type StepContext } from '../../jobs/types';
import type { AppServices } from '../../services';
import type { ImageRecord } from '../../store/repositories';
import { faceModelIds, modelStamp, type ModelStampEntry } from '../models';
import { loadSubject, resolveSubjects, sourceEmbeddings, type SubjectRef } from '../project/subjects';
import { encodePlainPng, generationDir, readPngImage } from './files';
import { refineDraft, REFINE_SKIPPED_MESSAGE, type RefineParams } from '../refine';

/**
 * Refine for infant portraits: a gentle pass (the low end of the 0.4–0.7 range) that can
 * soften the seams of the mesh warp; the face itself is protected by its mask at half that.
 */
export const BABY_REFINE: RefineParams = {
  sampler: 'dpmpp-2m-karras', steps: 20, cfg: 4, strength: 0.4,
  prompt: 'photograph of a newborn baby, soft window light, natural infant skin',
  negativePrompt: 'adult, teeth, makeup, deformed face, plastic skin, cartoon, painting, text',
};

export const BabyAgeSchema = z.enum(['newborn', '1y', '3y']);
export const BabySceneSchema = z.enum(['nursery', 'soft-studio', 'outdoor']);

export const BabyGenerateInput = z.object({
  projectId: z.string(),
  age: BabyAgeSchema,
  variations: z.number().int().min(1).max(8),
  /** Parent A's share of the resemblance (0.5 balanced). */
  shareA: z.number().min(0).max(1),
  /** Fixed when the job is created, so a resumed job renders the same variations. */
  seed: z.number().int().min(0).max(0xffffffff),
  scene: BabySceneSchema,
});
export type BabyGenerateInput = z.infer<typeof BabyGenerateInput>;

/** What a baby image's row and file carry: enough to make the same pixels again, and the report. */
export interface BabyRecipe {
  kind: 'pairlight-baby';
  version: 1;
  app: { name: 'pairlight'; version: string };
  stage: 'draft';
  seed: number;
  baseSeed: number;
  /** This portrait is variation `variationIndex` (0-based) of `variations` made from baseSeed: together, what a remix needs to make it again. */
  variationIndex: number;
  variations: number;
  inputs: { role: string; sha256: string }[];
  models: ModelStampEntry[];
  age: BabyGenerateInput['age'];
  scene: BabyGenerateInput['scene'];
  shareA: number;
  variation: Variation;
  report: TraitReport;
  /** Where the face is in the portrait (for upscale detail masks and face-aware crops). */
  faces: { box: { x: number; y: number; width: number; height: number } }[];
  /** The exported report card beside the portrait. */
  reportCard: string;
  refine: { ran: false; message: string } | { ran: true; model: ModelStampEntry; params: RefineParams; resemblanceBefore: { a: number; b: number } };
}

interface ParentsOut { subjects: SubjectRef[]; inputs: { role: string; sha256: string }[] }
interface PortraitOut { seed: number; file: string; resemblance: { a: number; b: number }; report: TraitReport; variation: Variation; box: BabyRecipe['faces'][number]['box']; points: [number, number, number][] }
interface PortraitsOut { portraits: PortraitOut[] }
type RefineOut = { ran: false; message: string } | { ran: true; model: { id: string; sha256: string }; files: Record<string, string>; resemblance: Record<string, { a: number; b: number }> };
interface SaveOut { generationId: string; imageIds: string[] }

type Ctx = StepContext<BabyGenerateInput>;

function boxOf(points: readonly (readonly number[])[]): BabyRecipe['faces'][number]['box'] {
  const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
  const x = Math.min(...xs), y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

export function babyGenerateJob(services: AppServices) {
  const parents: JobStep<BabyGenerateInput, ParentsOut> = {
    name: 'parents',
    async run(ctx) {
      ctx.progress(0, 'Checking both parents\u2019 faces…');
      const models = await services.pipelineModels();
      const subjects = await resolveSubjects(services, models, ctx.input.projectId);
      const inputs = subjects.map((s) => ({ role: s.role, sha256: services.repos.photos.get(s.photoId)!.sha256 }));
      return { subjects, inputs };
    },
  };

  const portraits: JobStep<BabyGenerateInput, PortraitsOut> = {
    name: 'portraits',
    async run(ctx) {
      const models = await services.pipelineModels();
      const { subjects } = ctx.outputs.parents as ParentsOut;
      const [a, b] = await Promise.all(
        subjects.map(async (s, i): Promise<AnalysedParent> => {
          const subject = await loadSubject(services, s);
          try {
            return { photo: subject.photo, sha256: subject.sha256, face: subject.face, matte: subject.matte, traits: analyseParent(subject.photo, subject.face, subject.matte) };
          } catch (err) {
            if (err instanceof TraitError) throw new PairlightError('NO_FACE', `Parent ${i === 0 ? 'A' : 'B'}: ${err.message}`);
            throw err;
          }
        }),
      );
      const results = await generateBabies(a, b, {
        models: models.face, age: ctx.input.age, variations: ctx.input.variations, shareA: ctx.input.shareA, seed: ctx.input.seed, scene: ctx.input.scene,
        signal: ctx.signal,
        onProgress: (done, total) => ctx.progress(done / total, `Variation ${done} of ${total}`),
      });
      const out: PortraitOut[] = [];
      for (const r of results) {
        const file = `${generationDir(ctx.jobId)}/baby-${r.seed}.step.png`;
        await ctx.writeFile(file, await encodePlainPng(r.image));
        out.push({ seed: r.seed, file, resemblance: r.resemblance, report: r.report, variation: r.variation, box: boxOf(r.points), points: r.points });
      }
      return { portraits: out };
    },
  };

  const refine: JobStep<BabyGenerateInput, RefineOut> = {
    name: 'refine',
    async run(ctx) {
      const models = await services.pipelineModels();
      if (!models.diffusion) {
        ctx.progress(1, REFINE_SKIPPED_MESSAGE);
        return { ran: false, message: REFINE_SKIPPED_MESSAGE };
      }
      const list = (ctx.outputs.portraits as PortraitsOut).portraits;
      const { subjects } = ctx.outputs.parents as ParentsOut;
      const parentEmbeddings = sourceEmbeddings(services, subjects);
      const files: Record<string, string> = {};
      const resemblance: Record<string, { a: number; b: number }> = {};
      for (const [i, p] of list.entries()) {
        const r = await refineDraft(await readPngImage(ctx.workDir, p.file), [p.box], BABY_REFINE, p.seed, models, { signal: ctx.signal });
        if (!r.refined) return { ran: false, message: r.message };
        files[p.seed] = `${generationDir(ctx.jobId)}/baby-${p.seed}-refined.step.png`;
        await ctx.writeFile(files[p.seed], await encodePlainPng(r.image));
        // Refine may move the face away from either parent: resemblance is measured again on the refined pixels.
        resemblance[p.seed] = await measureResemblance(r.image, p.points, models.face, [parentEmbeddings[0], parentEmbeddings[1]]);
        ctx.progress((i + 1) / list.length, `Refined ${i + 1} of ${list.length}`);
      }
      return { ran: true, model: { id: models.diffusion.id, sha256: models.diffusion.sha256 }, files, resemblance };
    },
  };

  const save: JobStep<BabyGenerateInput, SaveOut> = {
    name: 'save',
    async run(ctx) {
      const models = await services.pipelineModels();
      const { subjects, inputs } = ctx.outputs.parents as ParentsOut;
      const list = (ctx.outputs.portraits as PortraitsOut).portraits;
      const refined = ctx.outputs.refine as RefineOut;
      const embed = services.repos.settings.get().embedMetadata;
      const generationId = ctx.jobId;
      const now = services.clock();
      const [personA, personB] = subjects.map((s) => s.personId);
      const rows: ImageRecord[] = [];
      for (const [i, p] of list.entries()) {
        ctx.throwIfCancelled();
        const refinedFile = refined.ran ? refined.files[p.seed] : undefined;
        const scores = refined.ran ? refined.resemblance[p.seed] : p.resemblance;
        const image = await readPngImage(ctx.workDir, refinedFile ?? p.file);
        const base = `${generationDir(generationId)}/baby-${ctx.input.age}-${p.seed}`;
        const reportCard = `${base}-report.png`;
        await ctx.writeFile(reportCard, await renderReportCard(image, p.report, `Variation ${i + 1} \u00b7 ${ctx.input.age}`));
        const recipe: BabyRecipe = {
          kind: 'pairlight-baby', version: 1, app: { name: 'pairlight', version: services.version }, stage: 'draft',
          seed: p.seed, baseSeed: ctx.input.seed, variationIndex: i, variations: ctx.input.variations, inputs, models: [...modelStamp(models, faceModelIds(models)), ...(refinedFile && refined.ran ? [refined.model] : [])],
          age: ctx.input.age, scene: ctx.input.scene, shareA: ctx.input.shareA, variation: p.variation, report: p.report,
          faces: [{ box: p.box }], reportCard,
          refine: refined.ran ? { ran: true, model: refined.model, params: BABY_REFINE, resemblanceBefore: p.resemblance } : { ran: false, message: refined.message },
        };
        const relPath = `${base}.png`;
        await ctx.writeFile(relPath, await encodeWithRecipe(image, recipe, { format: 'png', embed }));
        rows.push({
          id: `${generationId}:${p.seed}`, projectId: ctx.input.projectId, generationId, parentId: null, stage: 'draft' as const, relPath,
          width: image.width, height: image.height, seed: p.seed, theme: `baby-${ctx.input.scene}`, recipe,
          identityScores: { [personA]: scores.a, [personB]: scores.b }, rating: null, favourite: false, createdAt: now,
        });
        ctx.progress((i + 1) / list.length, `Saved ${i + 1} of ${list.length}`);
      }
      const { repos } = services;
      repos.db.transaction(() => {
        if (repos.generations.get(generationId)) return;
        repos.generations.insert({ id: generationId, projectId: ctx.input.projectId, kind: 'baby', recipe: ctx.input, createdAt: now });
        for (const r of rows) repos.images.insert(r);
      })();
      const stepFiles = [...list.map((p) => p.file), ...(refined.ran ? Object.values(refined.files) : [])];
      await Promise.all(stepFiles.map((f) => rm(join(ctx.workDir, f), { force: true })));
      return { generationId, imageIds: rows.map((r) => r.id) };
    },
  };

  return defineJobType<BabyGenerateInput>({
    type: 'baby.generate',
    heavy: true,
    input: BabyGenerateInput,
    steps: [parents, portraits, refine, save] as JobStep<BabyGenerateInput>[],
    doneMessage: (outputs) => `${(outputs.save as SaveOut).imageIds.length} baby portraits with their trait reports.`,
  });
}
