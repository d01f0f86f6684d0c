// The baby generation as a persisted job through the contract: parents from the project's
// person A and B, variations saved as images with the trait report in the recipe and a
// report card beside each, resemblance scores by parent, and bad input refused.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeCommand } from '../../../electron/app/dispatch';
import type { BabyRecipe } from '../../../electron/app/pipeline/jobs/baby-generate';
import { readRecipe } from '../../../native/recipe/embed';
import { variationSeed } from '../../../native/baby/generate';
import { call, sampleA, sampleB, tempLibrary } from './helpers';
import { writeFileSync } from 'node:fs';
import { buildExactDenoiser } from '../../../models/diffusion/exact-denoiser';
import { asStandInForUserModel } from '../../fixtures/diffusion/stand-in';

describe('baby.generate job', () => {
  let lib: ReturnType<typeof tempLibrary>;
  let projectId: string, personA: string, personB: string;
  beforeAll(async () => {
    lib = tempLibrary();
    lib.services.queue.start();
    const project = await call(lib.services, 'projects.create', { name: 'Future baby', kind: 'baby' });
    projectId = project.id;
    personA = (await call(lib.services, 'photos.import', { projectId, role: 'a', path: sampleA })).personId!;
    personB = (await call(lib.services, 'photos.import', { projectId, role: 'b', path: sampleB })).personId!;
    await call(lib.services, 'generations.createBaby', { projectId, age: 'newborn', variations: 2, shareA: 0.8, seed: 11 });
    await lib.services.queue.whenIdle();
  }, 600_000);
  afterAll(() => lib.dispose());

  it('saves each variation with its report, report card and resemblance to both parents', async () => {
    const [job] = await call(lib.services, 'jobs.list', { projectId });
    expect(job.status).toBe('done');
    expect(job.steps.map((s) => s.name)).toEqual(['parents', 'portraits', 'refine', 'save']);
    const images = await call(lib.services, 'images.list', { projectId });
    expect(images).toHaveLength(2);
    const dir = lib.services.folders.pathOf(projectId);
    for (const image of images) {
      expect(image.theme).toBe('baby-nursery');
      expect(Object.keys(image.identityScores!).sort()).toEqual([personA, personB].sort());
      const recipe = (await readRecipe(readFileSync(join(dir, image.relPath)))) as BabyRecipe;
      expect(recipe).toMatchObject({ kind: 'pairlight-baby', age: 'newborn', shareA: 0.8, seed: image.seed, baseSeed: 11, variations: 2 });
      // Base seed and index are what a remix needs: they give this portrait's own seed back.
      expect(variationSeed(recipe.baseSeed, recipe.variationIndex)).toBe(recipe.seed);
      // No real diffusion model ships, so refine says it was skipped rather than pretending.
      expect(recipe.refine).toMatchObject({ ran: false, message: expect.stringMatching(/Refine skipped/) });
      expect(recipe.report.lines.map((l) => l.trait)).toEqual(expect.arrayContaining(['Eye colour', 'Hair colour', 'Nose']));
      expect(existsSync(join(dir, recipe.reportCard))).toBe(true);
      expect(image.relPath.includes('.step.')).toBe(false);
    }
    // With A's share at 0.8, the children look more like A on average.
    const gap = images.reduce((s, i) => s + i.identityScores![personA] - i.identityScores![personB], 0) / images.length;
    expect(gap).toBeGreaterThan(0);
  });

  it('refuses a share outside 0..1 and an unknown age without starting a job', async () => {
    const before = (await call(lib.services, 'jobs.list', { projectId })).length;
    for (const bad of [{ shareA: 1.5 }, { age: '10y' }]) {
      const reply = await invokeCommand(lib.services, 'generations.createBaby', { projectId, age: 'newborn', ...bad } as never);
      expect(reply.ok ? null : reply.error.code).toBe('VALIDATION');
    }
    expect((await call(lib.services, 'jobs.list', { projectId })).length).toBe(before);
  });
});

describe('baby.generate with an imported diffusion model', () => {
  it('refines each portrait, measures resemblance again on the refined pixels and records the model', async () => {
    const lib = tempLibrary();
    try {
      lib.services.queue.start();
      const side = 16;
      const mean = new Float32Array(3 * side * side);
      for (let c = 0; c < 3; c++) mean.fill([0.5, 0.1, -0.3][c]!, c * side * side, (c + 1) * side * side);
      const fixture = join(lib.dataDir, 'stand-in.onnx');
      writeFileSync(fixture, asStandInForUserModel(buildExactDenoiser({
        means: [mean], std: 0.2, channels: 3, height: side, width: side, prediction: 'eps',
        schedule: { type: 'ddpm', beta: 'linear', betaStart: 0.00085, betaEnd: 0.012, trainSteps: 1000 },
      })));
      const model = await call(lib.services, 'models.import', { path: fixture, task: 'diffusion' });
      const project = await call(lib.services, 'projects.create', { name: 'Refined baby', kind: 'baby' });
      const a = (await call(lib.services, 'photos.import', { projectId: project.id, role: 'a', path: sampleA })).personId!;
      await call(lib.services, 'photos.import', { projectId: project.id, role: 'b', path: sampleB });
      await call(lib.services, 'generations.createBaby', { projectId: project.id, age: 'newborn', variations: 1, shareA: 0.5, seed: 3 });
      await lib.services.queue.whenIdle();
      const [image] = await call(lib.services, 'images.list', { projectId: project.id });
      const recipe = (await readRecipe(readFileSync(join(lib.services.folders.pathOf(project.id), image.relPath)))) as BabyRecipe;
      expect(recipe.refine.ran).toBe(true);
      if (!recipe.refine.ran) return;
      expect(recipe.models.map((m) => m.id)).toContain(model.id);
      // The row carries the resemblance measured after refine, which differs from before.
      expect(image.identityScores![a]).not.toBe(recipe.refine.resemblanceBefore.a);
    } finally {
      await lib.dispose();
    }
  }, 600_000);
});
