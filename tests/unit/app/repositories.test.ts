import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/app/store/database';
import { createRepositories, type ImageRecord, type Repositories } from '../../../electron/app/store/repositories';

let dir: string;
let db: Db;
let repos: Repositories;
const now = '2026-01-01T00:00:00.000Z';

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pairlight-repos-'));
  db = openDatabase(join(dir, 'library.db'));
  repos = createRepositories(db);
  repos.projects.insert({ id: 'p', name: 'P', kind: 'couple', now });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function image(id: string, over: Partial<ImageRecord> = {}): ImageRecord {
  return {
    id,
    projectId: 'p',
    generationId: null,
    parentId: null,
    stage: 'draft',
    relPath: `outputs/${id}.png`,
    width: 512,
    height: 640,
    seed: 42,
    theme: 'golden-hour',
    recipe: { theme: 'golden-hour', seed: 42 },
    identityScores: { a: 0.71, b: 0.66 },
    rating: null,
    favourite: false,
    createdAt: now,
    ...over,
  };
}

describe('people, photos and faces', () => {
  it('dedupes a photo by content hash and keeps faces with their embedding', () => {
    repos.people.insert({ id: 'a', projectId: 'p', name: 'Anna', role: 'a', createdAt: now });
    const photo = { id: 'ph', projectId: 'p', personId: 'a', sha256: 'f'.repeat(64), relPath: 'originals/ph.jpg', originalName: 'IMG_1.jpg', width: 900, height: 1200, createdAt: now };
    expect(repos.photos.insertOrGet(photo).created).toBe(true);
    expect(repos.photos.insertOrGet({ ...photo, id: 'ph2' })).toEqual({ photo, created: false });

    const embedding = Float32Array.from({ length: 128 }, (_, i) => i / 128 - 0.5);
    const face = { id: 'f', photoId: 'ph', personId: 'a', box: { x: 1, y: 2, width: 3, height: 4 }, pose: { yaw: 5 }, quality: [{ code: 'BLUR' }], meshRelPath: 'analysis/f.mesh', matteRelPath: null, embedding, createdAt: now };
    repos.faces.replaceForPhoto('ph', [face]);
    expect(repos.faces.listByPhoto('ph')).toEqual([face]);
    repos.faces.replaceForPhoto('ph', []);
    expect(repos.faces.listByPhoto('ph')).toEqual([]);

    repos.people.delete('a');
    expect(repos.photos.get('ph')!.personId).toBeNull();
  });
});

describe('generations and images', () => {
  it('stores recipes, scores and lineage; rating and favourite update', () => {
    repos.generations.insert({ id: 'g', projectId: 'p', kind: 'couple', recipe: { theme: 'golden-hour', count: 4 }, createdAt: now });
    repos.images.insert(image('d', { generationId: 'g' }));
    repos.images.insert(image('r', { parentId: 'd', stage: 'refined', createdAt: '2026-01-02T00:00:00.000Z' }));
    repos.images.insert(image('u', { parentId: 'r', stage: 'upscaled', width: 2048, height: 2560, createdAt: '2026-01-03T00:00:00.000Z' }));
    expect(repos.generations.get('g')!.recipe).toEqual({ theme: 'golden-hour', count: 4 });
    expect(repos.images.get('d')).toEqual(image('d', { generationId: 'g' }));
    expect(repos.images.lineage('u').map((i) => i.stage)).toEqual(['upscaled', 'refined', 'draft']);
    expect(repos.images.listByProject('p', { stage: 'draft' }).map((i) => i.id)).toEqual(['d']);
    expect(repos.images.listByProject('p').map((i) => i.id)).toEqual(['u', 'r', 'd']);
    repos.images.setRating('u', 5);
    repos.images.setFavourite('u', true);
    expect(repos.images.get('u')).toMatchObject({ rating: 5, favourite: true });
    expect(repos.projects.get('p')!.imageCount).toBe(3);
    // Deleting a parent keeps its children, now without a parent.
    repos.images.delete('r');
    expect(repos.images.get('u')!.parentId).toBeNull();
  });

  it('an undone delete links back only the children whose link the delete cleared', () => {
    repos.images.insert(image('d'));
    repos.images.insert(image('u1', { parentId: 'd', stage: 'upscaled' }));
    repos.images.insert(image('u2', { parentId: 'd', stage: 'upscaled' }));
    repos.images.insert(image('other'));
    const children = repos.images.childIds('d');
    expect(children).toEqual(['u1', 'u2']);
    const saved = repos.images.get('d')!;
    repos.images.delete('d');
    // Meanwhile u2 was given another parent: the undo must not take it back.
    db.prepare('UPDATE images SET parent_id = ? WHERE id = ?').run('other', 'u2');
    repos.images.insert(saved);
    expect(repos.images.relinkOrphans(children, 'd')).toBe(1);
    expect(repos.images.get('u1')!.parentId).toBe('d');
    expect(repos.images.get('u2')!.parentId).toBe('other');
  });
});
