// User themes through the contract: duplicate a bundled theme, edit and save it, find it in
// themes.list and in generations; broken values and built-in ids are refused with clear errors.
import { existsSync, readFileSync } from 'node:fs';
import { readRecipe } from '../../../native/recipe/embed';
import type { PortraitRecipe } from '../../../electron/app/pipeline';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PairlightError } from '../../../electron/contract';
import { resolveThemeOrFail, userThemesDir } from '../../../electron/app/pipeline/theme';
import { call, coupleProject, SMALL, tempLibrary } from './helpers';

const lib = tempLibrary();
afterAll(() => lib.dispose());

async function refusal(promise: Promise<unknown>): Promise<PairlightError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(PairlightError);
  return error as PairlightError;
}

describe('user themes', () => {
  it('duplicates a theme under a fresh id from the name, lists it as the user\'s, and finds it for generations', async () => {
    const copy = await call(lib.services, 'themes.duplicate', { id: 'golden-hour', name: 'Golden Hour (mine)' });
    expect(copy.id).toBe('golden-hour-mine');
    expect(copy.name).toBe('Golden Hour (mine)');
    expect(existsSync(join(userThemesDir(lib.dataDir), 'golden-hour-mine.json'))).toBe(true);
    const again = await call(lib.services, 'themes.duplicate', { id: 'golden-hour', name: 'Golden Hour mine' });
    expect(again.id).toBe('golden-hour-mine-2');

    const themes = await call(lib.services, 'themes.list', {});
    expect(themes.find((t) => t.id === 'golden-hour')?.source).toBe('built-in');
    const mine = themes.find((t) => t.id === 'golden-hour-mine');
    expect(mine?.source).toBe('user');
    expect(mine?.thumbnailUrl?.startsWith('data:image/jpeg;base64,')).toBe(true);

    const got = await call(lib.services, 'themes.get', { id: 'golden-hour-mine' });
    const lens = got.lens as { aperture: number; focalLength: number };
    await call(lib.services, 'themes.save', { theme: { ...got, lens: { ...lens, aperture: 2.8 } } });
    const saved = JSON.parse(readFileSync(join(userThemesDir(lib.dataDir), 'golden-hour-mine.json'), 'utf8'));
    expect(saved.lens.aperture).toBe(2.8);

    // The pipeline resolves it from the user folder, with the edited value.
    expect(resolveThemeOrFail('golden-hour-mine', {}, undefined, userThemesDir(lib.dataDir)).lens.aperture).toBe(2.8);
    expect(() => resolveThemeOrFail('golden-hour-mine')).toThrow(/no theme called/);
    const project = await call(lib.services, 'projects.create', { name: 'Theme test', kind: 'couple' });
    const job = await call(lib.services, 'generations.create', { projectId: project.id, theme: 'golden-hour-mine', count: 4, seed: 7 });
    expect(job.type).toBe('couple.generate');
    await call(lib.services, 'jobs.cancel', { id: job.id });
  });

  it('refuses a broken value with VALIDATION naming the field path', async () => {
    const got = await call(lib.services, 'themes.get', { id: 'golden-hour-mine' });
    const error = await refusal(call(lib.services, 'themes.save', { theme: { ...got, lens: { ...(got.lens as object), aperture: 'wide' } } }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/^lens\.aperture: /);
    expect(error.details).toEqual({ field: 'lens.aperture' });
    // Nothing was written.
    const onDisk = JSON.parse(readFileSync(join(userThemesDir(lib.dataDir), 'golden-hour-mine.json'), 'utf8'));
    expect(onDisk.lens.aperture).toBe(2.8);
  });

  it('never overwrites or deletes a built-in theme', async () => {
    const builtIn = await call(lib.services, 'themes.get', { id: 'golden-hour' });
    const error = await refusal(call(lib.services, 'themes.save', { theme: { ...builtIn, name: 'Hijacked' } }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/built-in/);
    expect((await call(lib.services, 'themes.get', { id: 'golden-hour' })).name).toBe(builtIn.name);
    expect((await refusal(call(lib.services, 'themes.delete', { id: 'golden-hour' }))).code).toBe('CONFLICT');
  });

  it('deletes a user theme, then reports it as missing', async () => {
    await call(lib.services, 'themes.delete', { id: 'golden-hour-mine-2' });
    const themes = await call(lib.services, 'themes.list', {});
    expect(themes.some((t) => t.id === 'golden-hour-mine-2')).toBe(false);
    expect((await refusal(call(lib.services, 'themes.get', { id: 'golden-hour-mine-2' }))).code).toBe('NOT_FOUND');
    expect((await refusal(call(lib.services, 'themes.delete', { id: 'golden-hour-mine-2' }))).code).toBe('NOT_FOUND');
  });

  it('renders drafts in the user theme through the couple.generate job', async () => {
    lib.services.queue.start();
    const ids = await coupleProject(lib.services);
    const job = await call(lib.services, 'generations.create', { projectId: ids.projectId, theme: 'golden-hour-mine', count: 4, seed: 5, overrides: SMALL });
    await lib.services.queue.whenIdle();
    expect((await call(lib.services, 'jobs.get', { id: job.id })).status).toBe('done');
    const drafts = await call(lib.services, 'images.list', { projectId: ids.projectId, stage: 'draft' });
    expect(drafts).toHaveLength(4);
    const recipe = (await readRecipe(readFileSync(join(lib.services.folders.pathOf(ids.projectId), drafts[0].relPath)))) as PortraitRecipe;
    expect(recipe.theme.id).toBe('golden-hour-mine');
    expect(recipe.theme.resolved.lens.aperture).toBe(2.8);
  }, 240_000);
});
