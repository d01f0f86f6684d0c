// The couple generation as a persisted job: rows and files it leaves, the gallery's filters,
// rating / favourite / delete with undo, an upscale child with its lineage, and a job killed
// (SIGKILL) between steps that resumes at its next step in a new process.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../electron/contract';
import { invokeCommand } from '../../../electron/app/dispatch';
import type { PortraitRecipe } from '../../../electron/app/pipeline';
import { startBackground } from '../../../electron/app/services';
import { readRecipe } from '../../../native/recipe/embed';
import { call, coupleProject, repoRoot, SMALL, tempLibrary } from './helpers';

describe('couple.generate job and the image commands', () => {
  let lib: ReturnType<typeof tempLibrary>;
  let ids: Awaited<ReturnType<typeof coupleProject>>;
  beforeAll(async () => {
    lib = tempLibrary();
    lib.services.queue.start();
    ids = await coupleProject(lib.services);
    for (const theme of ['studio-session', 'golden-hour']) {
      await call(lib.services, 'generations.create', { projectId: ids.projectId, theme, count: 4, seed: 3, overrides: SMALL });
    }
    await lib.services.queue.whenIdle();
  });
  afterAll(() => lib.dispose());

  it('runs every step and saves 4 drafts per theme with scores by person and the recipe in the file', async () => {
    const jobs = await call(lib.services, 'jobs.list', { projectId: ids.projectId });
    expect(jobs).toHaveLength(2);
    for (const job of jobs) {
      expect(job.status).toBe('done');
      expect(job.steps.map((s) => s.name)).toEqual(['analyze', 'drafts', 'identity-gate', 'refine', 'upscale', 'save']);
    }
    const drafts = await call(lib.services, 'images.list', { projectId: ids.projectId, stage: 'draft' });
    expect(drafts).toHaveLength(8);
    for (const d of drafts) {
      expect(Object.keys(d.identityScores!).sort()).toEqual([ids.personA, ids.personB].sort());
      const file = join(lib.services.folders.pathOf(ids.projectId), d.relPath);
      const recipe = (await readRecipe(readFileSync(file))) as PortraitRecipe;
      expect(recipe.seed).toBe(d.seed);
      expect(recipe.theme.id).toBe(d.theme);
      expect(recipe.identity.scores).toEqual([d.identityScores![ids.personA], d.identityScores![ids.personB]]);
      expect(recipe.identity.rejected).toBe(d.rejected);
    }
    // No intermediate step file is left behind.
    expect(drafts.every((d) => !d.relPath.includes('.step.'))).toBe(true);
  });

  it('filters and sorts images.list by theme, rating, favourite, person and stage', async () => {
    const all = await call(lib.services, 'images.list', { projectId: ids.projectId });
    const studio = await call(lib.services, 'images.list', { projectId: ids.projectId, theme: 'studio-session' });
    expect(studio.map((i) => i.theme)).toEqual(['studio-session', 'studio-session', 'studio-session', 'studio-session']);
    const [first, second] = studio;
    await call(lib.services, 'images.rate', { id: first.id, rating: 5 });
    await call(lib.services, 'images.rate', { id: second.id, rating: 3 });
    await call(lib.services, 'images.favourite', { id: second.id, favourite: true });
    expect((await call(lib.services, 'images.list', { projectId: ids.projectId, minRating: 5 })).map((i) => i.id)).toEqual([first.id]);
    expect((await call(lib.services, 'images.list', { projectId: ids.projectId, minRating: 3, sort: 'rating' })).map((i) => i.id)).toEqual([first.id, second.id]);
    expect((await call(lib.services, 'images.list', { projectId: ids.projectId, favourite: true })).map((i) => i.id)).toEqual([second.id]);
    expect(await call(lib.services, 'images.list', { projectId: ids.projectId, personId: ids.personA })).toHaveLength(all.length);
    expect(await call(lib.services, 'images.list', { projectId: ids.projectId, personId: 'someone-else' })).toEqual([]);
    expect(await call(lib.services, 'images.list', { projectId: ids.projectId, stage: 'upscaled' })).toEqual([]);
    const byIdentity = await call(lib.services, 'images.list', { projectId: ids.projectId, sort: 'identity' });
    const weakest = byIdentity.map((i) => Math.min(...Object.values(i.identityScores!)));
    expect(weakest).toEqual([...weakest].sort((x, y) => y - x));
    const invalid = await invokeCommand(lib.services, 'images.list', { projectId: ids.projectId, minRating: 9 });
    expect(invalid.ok ? null : invalid.error.code).toBe('VALIDATION');
  });

  it('deletes an image with undo: file and row go, then come back', async () => {
    const [image] = await call(lib.services, 'images.list', { projectId: ids.projectId, theme: 'golden-hour' });
    const file = join(lib.services.folders.pathOf(ids.projectId), image.relPath);
    const bytes = readFileSync(file);
    await call(lib.services, 'images.delete', { id: image.id });
    expect(existsSync(file)).toBe(false);
    expect((await call(lib.services, 'images.list', { projectId: ids.projectId })).some((i) => i.id === image.id)).toBe(false);
    const restored = await call(lib.services, 'images.restore', { id: image.id });
    const { thumbPath: _listOnly, ...row } = image;
    expect(restored).toEqual(row);
    expect(readFileSync(file).equals(bytes)).toBe(true);
    const again = await invokeCommand(lib.services, 'images.restore', { id: image.id });
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
  });

  it('upscales a draft to 2K as a child image with its lineage', async () => {
    const [draft] = await call(lib.services, 'images.list', { projectId: ids.projectId, theme: 'studio-session', rejected: false });
    await call(lib.services, 'images.upscale', { imageId: draft.id, target: '2k' });
    await lib.services.queue.whenIdle();
    const [up] = await call(lib.services, 'images.list', { projectId: ids.projectId, stage: 'upscaled' });
    expect(up).toMatchObject({ parentId: draft.id, seed: draft.seed, theme: draft.theme, identityScores: draft.identityScores });
    expect(Math.max(up.width, up.height)).toBe(2048);
    const lineage = await call(lib.services, 'images.lineage', { id: up.id });
    expect(lineage.map((i) => i.id)).toEqual([up.id, draft.id]);
    const recipe = lineage[0].recipe as PortraitRecipe;
    expect(recipe.stage).toBe('upscaled');
    expect(recipe.upscale).toMatchObject({ model: 'x4fast', target: '2k', width: up.width, height: up.height });
    expect(recipe.models.some((m) => m.id === 'realesrgan-x4fast' && m.sha256.length === 64)).toBe(true);
  });

  it('exports a print of the upscaled image as an export child at 300 DPI', async () => {
    const [up] = await call(lib.services, 'images.list', { projectId: ids.projectId, stage: 'upscaled' });
    const print = await call(lib.services, 'export.print', { imageId: up.id, paper: '5x7' });
    expect(print).toMatchObject({ stage: 'export', parentId: up.id, seed: up.seed, width: 1500, height: 2100 });
    const meta = await sharp(join(lib.services.folders.pathOf(ids.projectId), print.relPath)).metadata();
    expect([meta.format, meta.width, meta.height, meta.density]).toEqual(['jpeg', 1500, 2100, 300]);
    expect((await call(lib.services, 'images.lineage', { id: print.id })).map((i) => i.stage)).toEqual(['export', 'upscaled', 'draft']);
  });

  it('undoing the delete of a draft gives its upscale its lineage back', async () => {
    const [up] = await call(lib.services, 'images.list', { projectId: ids.projectId, stage: 'upscaled' });
    const draftId = up.parentId!;
    await call(lib.services, 'images.delete', { id: draftId });
    expect((await call(lib.services, 'images.lineage', { id: up.id })).map((i) => i.stage)).toEqual(['upscaled']);
    await call(lib.services, 'images.restore', { id: draftId });
    const lineage = await call(lib.services, 'images.lineage', { id: up.id });
    expect(lineage.map((i) => i.id)).toEqual([up.id, draftId]);
    // The print made from the upscale kept its own link all along.
    const [print] = await call(lib.services, 'images.list', { projectId: ids.projectId, stage: 'export' });
    expect((await call(lib.services, 'images.lineage', { id: print.id })).map((i) => i.stage)).toEqual(['export', 'upscaled', 'draft']);
  });
});

describe('couple.generate across a SIGKILL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'pairlight-resume-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('resumes at the identity gate after being killed when the drafts were done', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'tests/integration/pipeline/fixtures/generate-child.ts'), dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const signal = await new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, sig) => resolve(sig ?? code)));
    expect(signal, stderr).toBe('SIGKILL');
    const jobId = /KILLING (\S+)/.exec(stdout)![1];

    const lib = tempLibrary(dataDir);
    const seen: EventPayload<'job.progress'>[] = [];
    lib.services.events.subscribe((event, payload) => {
      if (event === 'job.progress') seen.push(payload as EventPayload<'job.progress'>);
    });
    try {
      const killed = lib.services.repos.jobs.get(jobId)!;
      expect(killed.steps.map((s) => s.status)).toEqual(['done', 'done', 'pending', 'pending', 'pending', 'pending']);
      expect(await startBackground(lib.services)).toBe(true);
      await lib.services.queue.whenIdle();
      const done = lib.services.repos.jobs.get(jobId)!;
      expect(done).toMatchObject({ status: 'done', attempts: 2, error: null });
      // Nothing before the identity gate ran again.
      const steps = new Set(seen.filter((p) => p.jobId === jobId).map((p) => p.step));
      expect(steps.has('analyze') || steps.has('drafts')).toBe(false);
      expect(steps.has('identity-gate')).toBe(true);
      const images = await call(lib.services, 'images.list', { projectId: done.projectId! });
      expect(images.map((i) => i.seed).sort()).toEqual([11, 12, 13, 14]);
    } finally {
      await lib.dispose(false);
    }
  });
});

describe('couple.generate cancelled mid-drafts', () => {
  it('stops without rows, and a retry finishes from the step it stopped in', async () => {
    const lib = tempLibrary();
    try {
      lib.services.queue.start();
      const { projectId } = await coupleProject(lib.services);
      let cancelled = false;
      lib.services.events.subscribe((event, payload) => {
        const p = payload as EventPayload<'job.progress'>;
        if (event === 'job.progress' && p.step === 'drafts' && !cancelled) {
          cancelled = true;
          lib.services.queue.cancel(p.jobId);
        }
      });
      const job = await call(lib.services, 'generations.create', { projectId, theme: 'garden-bloom', count: 8, seed: 40, overrides: SMALL });
      await lib.services.queue.whenIdle();
      const stopped = lib.services.repos.jobs.get(job.id)!;
      expect(stopped.status).toBe('cancelled');
      expect(stopped.steps.map((s) => s.status).slice(0, 2)).toEqual(['done', 'cancelled']);
      expect(await call(lib.services, 'images.list', { projectId })).toEqual([]);
      expect(lib.services.repos.generations.listByProject(projectId)).toEqual([]);

      await call(lib.services, 'jobs.retry', { id: job.id });
      await lib.services.queue.whenIdle();
      expect(lib.services.repos.jobs.get(job.id)!.status).toBe('done');
      expect((await call(lib.services, 'images.list', { projectId })).map((i) => i.seed).sort((x, y) => x! - y!)).toEqual([40, 41, 42, 43, 44, 45, 46, 47]);
    } finally {
      await lib.dispose();
    }
  });
});
