// The 'image.upscale' job: one image (a draft the user picked) → Real-ESRGAN → 2K/4K, saved as
// a child image with the parent's recipe plus how it was upscaled.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { PairlightError } from '../../errors';
import { defineJobType, type JobStep, type StepContext } from '../../jobs/types';
import type { AppServices } from '../../services';
import { encodePortrait, upscaledRecipe, type PortraitRecipe } from '../recipe';
import { upscalePortrait } from '../upscale';
import { encodePlainPng, readPngImage } from './files';

export const ImageUpscaleInput = z.object({
  projectId: z.string(),
  imageId: z.string(),
  target: z.enum(['2k', '4k']),
  model: z.enum(['x4fast', 'x4plus']),
});
export type ImageUpscaleInput = z.infer<typeof ImageUpscaleInput>;

interface UpscaleOut { file: string; width: number; height: number }
interface SaveOut { imageId: string }
type Ctx = StepContext<ImageUpscaleInput>;

function parentOf(services: AppServices, ctx: Ctx) {
  const parent = services.repos.images.get(ctx.input.imageId);
  if (!parent) throw new PairlightError('NOT_FOUND', 'The image to upscale was deleted. Restore it (undo) or pick another one.');
  return parent;
}

const isPortraitRecipe = (r: unknown): r is PortraitRecipe => (r as PortraitRecipe | null)?.kind === 'pairlight-portrait';

export function imageUpscaleJob(services: AppServices) {
  const upscale: JobStep<ImageUpscaleInput, UpscaleOut> = {
    name: 'upscale',
    async run(ctx) {
      const parent = parentOf(services, ctx);
      const boxes = isPortraitRecipe(parent.recipe) ? parent.recipe.faces.map((f) => f.box) : [];
      const image = await upscalePortrait(await readPngImage(ctx.workDir, parent.relPath), {
        target: ctx.input.target, model: ctx.input.model, faceBoxes: boxes, models: await services.pipelineModels(), signal: ctx.signal,
        onProgress: (done, total) => ctx.progress(done / total, `Tile ${done} of ${total}`),
      });
      const file = `outputs/upscaled/${ctx.jobId}.step.png`;
      await ctx.writeFile(file, await encodePlainPng(image));
      return { file, width: image.width, height: image.height };
    },
  };

  const save: JobStep<ImageUpscaleInput, SaveOut> = {
    name: 'save',
    async run(ctx) {
      const parent = parentOf(services, ctx);
      const step = ctx.outputs.upscale as UpscaleOut;
      const models = await services.pipelineModels();
      const { target, model } = ctx.input;
      const info = { model, modelSha256: models.catalog.get(`realesrgan-${model}`) ?? '', target, width: step.width, height: step.height, detailMask: 'draft-face-boxes' as const };
      // Images from elsewhere (not a portrait recipe) keep whatever recipe they had, plus the upscale.
      const recipe = isPortraitRecipe(parent.recipe) ? upscaledRecipe(parent.recipe, info) : { parent: parent.recipe, upscale: info };
      const image = await readPngImage(ctx.workDir, step.file);
      const base = parent.relPath.replace(/\.png$/i, '').replace(/-(draft|refined)$/, '');
      const relPath = `${base}-${target}-${model}.png`;
      await ctx.writeFile(relPath, isPortraitRecipe(recipe) ? await encodePortrait(image, recipe, services.repos.settings.get().embedMetadata) : await encodePlainPng(image));
      const id = ctx.jobId;
      if (!services.repos.images.get(id)) {
        services.repos.images.insert({
          id, projectId: parent.projectId, generationId: parent.generationId, parentId: parent.id, stage: 'upscaled', relPath,
          width: image.width, height: image.height, seed: parent.seed, theme: parent.theme, recipe, identityScores: parent.identityScores,
          rating: null, favourite: false, createdAt: services.clock(),
        });
      }
      await rm(join(ctx.workDir, step.file), { force: true });
      return { imageId: id };
    },
  };

  return defineJobType<ImageUpscaleInput>({
    type: 'image.upscale',
    heavy: true,
    input: ImageUpscaleInput,
    steps: [upscale, save] as JobStep<ImageUpscaleInput>[],
    doneMessage: () => 'Upscaled.',
  });
}
