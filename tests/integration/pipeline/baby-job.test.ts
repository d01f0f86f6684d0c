// The baby generation as a persisted job through the contract: parents from the project's
// person A and B, variations saved as images with the trait report in the recipe and a
// report card beside each, resemblance scores by parent, and bad input refused.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeCommand } from '../../../electron/app/dispatch';
import type { BabyRecipe } from '../../../electron/app/pipeline/jobs/baby-generate';
import { readRecipe } from '../../../native/recipe/embed';
import { call, sampleA, sampleB, tempLibrary } from './helpers';

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
      expect(recipe).toMatchObject({ kind: 'pairlight-baby', age: 'newborn', shareA: 0.8, seed: image.seed });
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
