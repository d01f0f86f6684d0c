// The gallery's paged images.list: SQL filters, sorts and pages the slim rows; the identity
// verdict comes out of the recipe without the recipe itself being returned.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listImages } from '../../../electron/app/pipeline/project/images';
import type { AppServices } from '../../../electron/app/services';
import { openDatabase, type Db } from '../../../electron/app/store/database';
import { createRepositories, type ImageRecord, type Repositories } from '../../../electron/app/store/repositories';

let dir: string;
let db: Db;
let repos: Repositories;
// listImages reads only the repositories.
const services = () => ({ repos }) as unknown as AppServices;

function image(n: number, over: Partial<ImageRecord> = {}): ImageRecord {
  return {
    id: `img-${String(n).padStart(3, '0')}`,
    projectId: 'p',
    generationId: null,
    parentId: null,
    stage: 'draft',
    relPath: `outputs/${n}.png`,
    width: 512,
    height: 640,
    seed: n,
    theme: n % 2 ? 'odd' : 'even',
    recipe: { identity: n % 5 === 0 ? { rejected: true, reason: 'B looks like someone else' } : { rejected: false, reason: null } },
    identityScores: { a: n / 100, b: 0.9 },
    rating: n % 3 === 0 ? 5 : null,
    favourite: n % 4 === 0,
    // One second apart, so "newest" is the reverse of n.
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    ...over,
  };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pairlight-paging-'));
  db = openDatabase(join(dir, 'library.db'));
  repos = createRepositories(db);
  repos.projects.insert({ id: 'p', name: 'P', kind: 'couple', now: '2026-01-01T00:00:00.000Z' });
  for (let n = 1; n <= 30; n++) repos.images.insert(image(n));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('images.list pages', () => {
  it('cuts the sorted list into pages that join back into the whole list', () => {
    const all = listImages(services(), { projectId: 'p', sort: 'newest' });
    expect(all).toHaveLength(30);
    expect(all[0]!.id).toBe('img-030');
    const pages = [0, 12, 24].flatMap((offset) => listImages(services(), { projectId: 'p', sort: 'newest', offset, limit: 12 }));
    expect(pages.map((i) => i.id)).toEqual(all.map((i) => i.id));
    expect(listImages(services(), { projectId: 'p', sort: 'oldest', offset: 28 }).map((i) => i.id)).toEqual(['img-029', 'img-030']);
  });

  it('filters on columns in SQL and reads the verdict out of the recipe', () => {
    const page = listImages(services(), { projectId: 'p', sort: 'rating', theme: 'even', favourite: true, limit: 3 });
    // even and favourite: multiples of 4; rated 5 first (12, 24), then newest unrated.
    expect(page.map((i) => i.id)).toEqual(['img-024', 'img-012', 'img-028']);
    const rejected = listImages(services(), { projectId: 'p', sort: 'newest', rejected: true });
    expect(rejected.map((i) => i.id)).toEqual(['img-030', 'img-025', 'img-020', 'img-015', 'img-010', 'img-005']);
    expect(rejected[0]).toMatchObject({ rejected: true, rejectReason: 'B looks like someone else' });
    expect(rejected[0]).not.toHaveProperty('recipe');
    expect(listImages(services(), { projectId: 'p', sort: 'newest', minRating: 5 })).toHaveLength(10);
  });

  it('pages the in-memory sorts too (identity: weakest score first is highest)', () => {
    const top = listImages(services(), { projectId: 'p', sort: 'identity', offset: 1, limit: 2 });
    expect(top.map((i) => i.id)).toEqual(['img-029', 'img-028']);
  });
});
