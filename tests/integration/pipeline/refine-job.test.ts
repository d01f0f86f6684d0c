// Refine wired into couple.generate: once the user has imported a pixel-diffusion model, the
// refine step runs, the saved recipe says so (model id, strength), the pixels differ from an
// unrefined run of the same seed, and identity is measured again on the refined pixels.
//
// The model is a FIXTURE standing in for a user's real model: an exact analytic denoiser (see
// models/diffusion/exact-denoiser.ts) whose contract metadata is rewritten here to say it is not
// test-only, so the pipeline treats it the way it would treat a real UNet. It lives only in this
// test's temp library; it is never shipped, put in the catalog or listed anywhere else.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CommandOutput } from '../../../electron/contract';
import type { PortraitRecipe } from '../../../electron/app/pipeline';
import { asStandInForUserModel } from '../../fixtures/diffusion/stand-in';
import { buildExactDenoiser } from '../../../models/diffusion/exact-denoiser';
import { readRecipe } from '../../../native/recipe/embed';
import { call, coupleProject, SMALL, tempLibrary } from './helpers';


const SEED = 11;
const STRENGTH = 0.6;
// Few steps keep the test quick; the sampler's accuracy is proven by the diffusion engine's own tests.
const OVERRIDES = { ...SMALL, refine: { strength: STRENGTH, steps: 4 } };

/** A 16² Gaussian denoiser around a warm mid-tone, labelled as a real (not test-only) model. */
function standInModel(): Uint8Array {
  const side = 16;
  const mean = new Float32Array(3 * side * side);
  // NCHW in [-1, 1]: a warm tone, far enough from any draft that refine visibly moves pixels.
  for (let c = 0; c < 3; c++) mean.fill([0.5, 0.1, -0.3][c]!, c * side * side, (c + 1) * side * side);
  const bytes = buildExactDenoiser({
    means: [mean], std: 0.2, channels: 3, height: side, width: side, prediction: 'eps',
    schedule: { type: 'ddpm', beta: 'linear', betaStart: 0.00085, betaEnd: 0.012, trainSteps: 1000 },
    title: 'Stand-in pixel UNet (test fixture)',
  });
  return asStandInForUserModel(bytes);
}

interface Saved { seed: number; recipe: PortraitRecipe; pixels: Buffer; scores: Record<string, number> }

describe('couple.generate with an imported diffusion model', () => {
  let lib: ReturnType<typeof tempLibrary>;
  let ids: Awaited<ReturnType<typeof coupleProject>>;
  let plainRun: Saved[];
  let refinedRun: Saved[];
  let refinedJob: CommandOutput<'jobs.get'>;

  /** The four drafts of one generation (the smallest count the command takes), by seed. */
  async function generate(): Promise<{ saved: Saved[]; jobId: string }> {
    const { id: jobId } = await call(lib.services, 'generations.create', { projectId: ids.projectId, theme: 'studio-session', count: 4, seed: SEED, overrides: OVERRIDES });
    await lib.services.queue.whenIdle();
    const images = (await call(lib.services, 'images.list', { projectId: ids.projectId })).filter((i) => i.generationId === jobId);
    const saved = await Promise.all(images.map(async (image) => {
      const file = readFileSync(join(lib.services.folders.pathOf(ids.projectId), image.relPath));
      const recipe = (await readRecipe(file)) as PortraitRecipe;
      const pixels = await sharp(file).removeAlpha().raw().toBuffer();
      return { seed: recipe.seed, recipe, pixels, scores: image.identityScores! };
    }));
    return { saved: saved.sort((a, b) => a.seed - b.seed), jobId };
  }

  beforeAll(async () => {
    lib = tempLibrary();
    lib.services.queue.start();
    ids = await coupleProject(lib.services);
    plainRun = (await generate()).saved;

    const fixture = join(lib.dataDir, 'stand-in-unet.onnx');
    writeFileSync(fixture, standInModel());
    const item = await call(lib.services, 'models.import', { path: fixture, task: 'diffusion', id: 'stand-in-unet' });
    expect(item.testOnly).toBe(false);
    // The open pipeline picks the new model up on its models.changed event.
    await vi.waitFor(async () => expect((await lib.services.pipelineModels()).diffusion?.id).toBe('stand-in-unet'));

    const run = await generate();
    refinedRun = run.saved;
    refinedJob = await call(lib.services, 'jobs.get', { id: run.jobId });
  }, 300_000);
  afterAll(() => lib.dispose());

  // Refine runs on drafts that passed the first gate; those are the ones compared here.
  const pairs = (): { plain: Saved; refined: Saved }[] =>
    refinedRun.filter((r) => r.recipe.refine.ran).map((refined) => ({ refined, plain: plainRun.find((p) => p.seed === refined.seed)! }));

  it('skips refine without a model and says so', () => {
    expect(plainRun).toHaveLength(4);
    for (const plain of plainRun) {
      expect(plain.recipe.refine).toMatchObject({ ran: false });
      expect(plain.recipe.stage).toBe('draft');
      expect(plain.recipe.identity.beforeRefine).toBeUndefined();
    }
  });

  it('runs the refine step and records the model and strength in the recipe', () => {
    expect(refinedJob.status).toBe('done');
    expect(refinedJob.steps.find((s) => s.name === 'refine')?.status).toBe('done');
    expect(refinedRun.map((r) => r.seed)).toEqual(plainRun.map((p) => p.seed));
    expect(pairs().length).toBeGreaterThan(0);
    for (const { refined } of pairs()) {
      expect(refined.recipe.stage).toBe('refined');
      expect(refined.recipe.refine).toMatchObject({ ran: true, model: { id: 'stand-in-unet' }, params: { strength: STRENGTH, steps: 4 } });
      expect(refined.recipe.models.map((m) => m.id)).toContain('stand-in-unet');
    }
  });

  it('changes the pixels compared with the unrefined run of the same seed', () => {
    for (const { plain, refined } of pairs()) {
      expect(refined.pixels.length).toBe(plain.pixels.length);
      let changed = 0;
      for (let i = 0; i < plain.pixels.length; i++) if (Math.abs(plain.pixels[i]! - refined.pixels[i]!) > 2) changed++;
      expect(changed / plain.pixels.length).toBeGreaterThan(0.05);
    }
  });

  it('measures identity again on the refined pixels and keeps the draft scores beside them', () => {
    for (const { plain, refined } of pairs()) {
      const before = refined.recipe.identity.beforeRefine!;
      // Same seed, same draft: the pre-refine scores are the unrefined run's scores.
      expect(before.scores).toEqual(plain.recipe.identity.scores);
      expect(refined.recipe.identity.scores).toHaveLength(2);
      expect(refined.recipe.identity.scores).not.toEqual(before.scores);
      // The row carries what the saved pixels score.
      expect([refined.scores[ids.personA], refined.scores[ids.personB]]).toEqual(refined.recipe.identity.scores);
      const { rejected, reason, threshold } = refined.recipe.identity;
      expect(rejected).toBe(refined.recipe.identity.scores.some((s) => s < threshold));
      if (rejected) expect(reason).toMatch(/^Refine changed the face/);
    }
  });

  it('rejects a draft whose face refine moved below the threshold, saying refine did it', async () => {
    // A threshold between a draft's own lowest score and its refined lowest score: the draft
    // passes the first gate and fails the second, which only the re-scoring can catch.
    const drifted = pairs().find(({ refined }) => Math.min(...refined.recipe.identity.scores) < Math.min(...refined.recipe.identity.beforeRefine!.scores));
    expect(drifted, 'the stand-in model should lower at least one face score').toBeDefined();
    const threshold = (Math.min(...drifted!.refined.recipe.identity.scores) + Math.min(...drifted!.refined.recipe.identity.beforeRefine!.scores)) / 2;
    await call(lib.services, 'settings.set', { identityThreshold: threshold });
    const again = (await generate()).saved.find((s) => s.seed === drifted!.refined.seed)!;
    expect(again.recipe.identity.beforeRefine).toMatchObject({ rejected: false });
    expect(again.recipe.identity).toMatchObject({ rejected: true, threshold });
    expect(again.recipe.identity.reason).toMatch(/^Refine changed the face: /);
  });
});
