import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invokeCommand } from '../../../electron/app/dispatch';
import { resolveMediaRequest } from '../../../electron/app/media/path-guard';
import { THUMB_LONG_SIDE } from '../../../electron/app/media/thumbnails';
import type { AppServices } from '../../../electron/app/services';
import type { CommandName, CommandOutput } from '../../../electron/contract';
import { tempServices } from './temp-services';

async function call<C extends CommandName>(services: AppServices, command: C, input: unknown): Promise<CommandOutput<C>> {
  const reply = await invokeCommand(services, command, input);
  if (!reply.ok) throw reply.error;
  return reply.result as CommandOutput<C>;
}

describe('images.thumbnails', () => {
  let env: ReturnType<typeof tempServices>;
  let services: AppServices;
  beforeEach(() => {
    env = tempServices();
    services = env.services;
  });
  afterEach(() => env.dispose());

  async function seedImage(id: string, width: number, height: number) {
    const project = await call(services, 'projects.create', { name: 'T', kind: 'couple' });
    const relPath = `outputs/g/${id.replace(':', '-')}.png`;
    const file = join(services.folders.pathOf(project.id), relPath);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, await sharp({ create: { width, height, channels: 3, background: '#c08040' } }).png().toBuffer());
    services.repos.images.insert({
      id, projectId: project.id, generationId: null, parentId: null, stage: 'upscaled', relPath, width, height, seed: 1, theme: null,
      recipe: null, identityScores: null, rating: null, favourite: false, createdAt: '2026-11-24T00:00:00.000Z',
    });
    return project.id;
  }

  it('makes a small JPEG once, inside the project folder, that the media guard serves', async () => {
    const projectId = await seedImage('job:42', 2048, 2560);
    const [first] = await call(services, 'images.thumbnails', { ids: ['job:42'] });
    expect(first?.relPath).toMatch(/^thumbs\/[0-9a-f]{32}\.jpg$/);
    const file = join(services.folders.pathOf(projectId), first!.relPath!);
    const meta = await sharp(file).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width!, meta.height!)).toBe(THUMB_LONG_SIDE);
    const made = statSync(file).mtimeMs;
    const [again] = await call(services, 'images.thumbnails', { ids: ['job:42'] });
    expect(again).toEqual(first);
    expect(statSync(file).mtimeMs).toBe(made);
    const served = await resolveMediaRequest(services.layout.projects, `${projectId}/${first!.relPath}`);
    expect(served).toMatchObject({ ok: true, contentType: 'image/jpeg' });
  });

  it('unknown ids and unreadable files give null, not an error', async () => {
    const projectId = await seedImage('broken', 10, 10);
    writeFileSync(join(services.folders.pathOf(projectId), 'outputs/g/broken.png'), 'not a png');
    const out = await call(services, 'images.thumbnails', { ids: ['nope', 'broken'] });
    expect(out).toEqual([{ id: 'nope', relPath: null }, { id: 'broken', relPath: null }]);
    expect(existsSync(join(services.folders.pathOf(projectId), 'thumbs'))).toBe(false);
  });

  it('images.list names each thumbnail once it is made, so the gallery needs no round trip for it', async () => {
    const projectId = await seedImage('job:7', 64, 80);
    const [before] = await call(services, 'images.list', { projectId });
    // Not made yet: null, and the gallery asks images.thumbnails to make it.
    expect(before).toMatchObject({ id: 'job:7', thumbPath: null });
    const [made] = await call(services, 'images.thumbnails', { ids: ['job:7'] });
    const [after] = await call(services, 'images.list', { projectId, limit: 1 });
    expect(after!.thumbPath).toBe(made!.relPath);
    expect(existsSync(join(services.folders.pathOf(projectId), after!.thumbPath!))).toBe(true);
  });

  it('refuses more ids than one screen needs', async () => {
    await expect(call(services, 'images.thumbnails', { ids: Array.from({ length: 201 }, (_, i) => `i${i}`) })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
