import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../electron/app/store/database';
import { migrate, schemaVersion } from '../../../electron/app/store/migrate';
import { migrations } from '../../../electron/app/store/migrations';
import { createRepositories, defaultSettings, type Repositories } from '../../../electron/app/store/repositories';

let dir: string;
let db: Db;
let repos: Repositories;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pairlight-store-'));
  db = openDatabase(join(dir, 'library.db'));
  repos = createRepositories(db);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('database', () => {
  it('opens in WAL mode with foreign keys on, at the latest schema version', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(schemaVersion(db)).toBe(migrations.length);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
    for (const t of ['projects', 'people', 'photos', 'faces', 'generations', 'images', 'jobs', 'job_steps', 'job_errors', 'models', 'settings']) {
      expect(tables).toContain(t);
    }
  });

  it('runs only the migrations a database has not seen, and remembers them across reopen', () => {
    db.close();
    db = openDatabase(join(dir, 'library.db'));
    repos = createRepositories(db);
    expect(migrate(db, migrations)).toEqual([]);
    let ran = 0;
    const next = [...migrations, { version: migrations.length + 1, name: 'add-notes', up: (d: Db) => (ran++, d.exec('ALTER TABLE projects ADD COLUMN notes TEXT')) }];
    expect(migrate(db, next)).toEqual([migrations.length + 1]);
    expect(migrate(db, next)).toEqual([]);
    expect(ran).toBe(1);
  });

  it('rolls a failing migration back entirely and keeps the previous version', () => {
    const broken = [...migrations, { version: migrations.length + 1, name: 'broken', up: (d: Db) => d.exec('CREATE TABLE half (x); SELECT * FROM no_such_table') }];
    expect(() => migrate(db, broken)).toThrow();
    expect(schemaVersion(db)).toBe(migrations.length);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half'`).get()).toBeUndefined();
  });

  it('refuses a migration list with gaps', () => {
    const fresh = new Database(':memory:');
    expect(() => migrate(fresh, [{ version: 2, name: 'skipped-one', up: () => {} }])).toThrow(/out of order/);
    fresh.close();
  });

  it('refuses a library written by a newer schema', () => {
    db.pragma(`user_version = ${migrations.length + 5}`);
    expect(() => migrate(db, migrations)).toThrow(/newer Pairlight/);
  });
});

describe('projects repository', () => {
  it('creates, lists newest first, renames and counts images', () => {
    repos.projects.insert({ id: 'a', name: 'Anna & Ben', kind: 'couple', now: '2026-01-01T00:00:00.000Z' });
    repos.projects.insert({ id: 'b', name: 'Baby C', kind: 'baby', now: '2026-01-02T00:00:00.000Z' });
    expect(repos.projects.list().map((p) => p.id)).toEqual(['b', 'a']);
    expect(repos.projects.rename('a', 'Anna and Ben', '2026-01-03T00:00:00.000Z')).toBe(true);
    expect(repos.projects.rename('missing', 'x', '2026-01-03T00:00:00.000Z')).toBe(false);
    db.prepare(`INSERT INTO images (id, project_id, stage, rel_path, width, height, recipe_json, created_at) VALUES ('i1', 'a', 'draft', 'outputs/d1.png', 8, 8, '{}', 'now')`).run();
    db.prepare(`UPDATE projects SET cover_image_id = 'i1' WHERE id = 'a'`).run();
    const a = repos.projects.get('a')!;
    expect(a).toMatchObject({ name: 'Anna and Ben', imageCount: 1, coverImageId: 'i1', coverPath: 'outputs/d1.png' });
    expect(repos.projects.list()[0]!.id).toBe('a');
  });

  it('deleting a project removes every row that belongs to it', () => {
    repos.projects.insert({ id: 'a', name: 'A', kind: 'couple', now: 'now' });
    repos.projects.insert({ id: 'keep', name: 'K', kind: 'couple', now: 'now' });
    db.prepare(`INSERT INTO people (id, project_id, name, role, created_at) VALUES ('p1', 'a', 'Anna', 'partner', 'now')`).run();
    db.prepare(`INSERT INTO photos (id, project_id, person_id, sha256, rel_path, original_name, width, height, created_at) VALUES ('ph1', 'a', 'p1', 'abc', 'originals/x.jpg', 'x.jpg', 4, 4, 'now')`).run();
    db.prepare(`INSERT INTO faces (id, photo_id, person_id, box_json, created_at) VALUES ('f1', 'ph1', 'p1', '[0,0,1,1]', 'now')`).run();
    db.prepare(`INSERT INTO generations (id, project_id, kind, recipe_json, created_at) VALUES ('g1', 'a', 'couple', '{}', 'now')`).run();
    db.prepare(`INSERT INTO images (id, project_id, generation_id, stage, rel_path, width, height, recipe_json, created_at) VALUES ('i1', 'a', 'g1', 'draft', 'o.png', 1, 1, '{}', 'now')`).run();
    db.prepare(`INSERT INTO images (id, project_id, parent_id, stage, rel_path, width, height, recipe_json, created_at) VALUES ('i2', 'a', 'i1', 'upscaled', 'u.png', 4, 4, '{}', 'now')`).run();
    db.prepare(`UPDATE projects SET cover_image_id = 'i2' WHERE id = 'a'`).run();
    repos.jobs.insert({ id: 'j1', projectId: 'a', type: 't', heavy: true, input: {}, steps: ['one'], now: 'now' });
    repos.jobs.insert({ id: 'j2', projectId: 'keep', type: 't', heavy: true, input: {}, steps: ['one'], now: 'now' });

    expect(repos.projects.delete('a')).toBe(true);
    for (const table of ['people', 'photos', 'faces', 'generations', 'images', 'job_steps']) {
      const remaining = (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      expect(remaining, table).toBe(table === 'job_steps' ? 1 : 0);
    }
    expect(repos.jobs.list().map((j) => j.id)).toEqual(['j2']);
  });

  it('rejects rows that break the schema (kind, stage, rating)', () => {
    expect(() => db.prepare(`INSERT INTO projects (id, name, kind, created_at, updated_at) VALUES ('x', 'X', 'wedding', 'now', 'now')`).run()).toThrow();
    repos.projects.insert({ id: 'a', name: 'A', kind: 'couple', now: 'now' });
    expect(() => db.prepare(`INSERT INTO images (id, project_id, stage, rel_path, width, height, recipe_json, created_at) VALUES ('i', 'a', 'final', 'x', 1, 1, '{}', 'now')`).run()).toThrow();
    expect(() => db.prepare(`INSERT INTO images (id, project_id, stage, rel_path, width, height, recipe_json, rating, created_at) VALUES ('i', 'a', 'draft', 'x', 1, 1, '{}', 9, 'now')`).run()).toThrow();
    expect(() => db.prepare(`INSERT INTO images (id, project_id, stage, rel_path, width, height, recipe_json, created_at) VALUES ('i', 'nope', 'draft', 'x', 1, 1, '{}', 'now')`).run()).toThrow(/FOREIGN KEY/);
  });
});

describe('settings repository', () => {
  it('returns defaults, stores patches, and ignores stored values that no longer fit', () => {
    expect(repos.settings.get()).toEqual(defaultSettings);
    expect(repos.settings.set({ threads: 4, provider: 'cpu' }, 'now')).toEqual({ ...defaultSettings, threads: 4, provider: 'cpu' });
    db.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES ('maxHeavyJobs', '"lots"', 'now'), ('retired', '1', 'now')`).run();
    expect(repos.settings.get()).toEqual({ ...defaultSettings, threads: 4, provider: 'cpu' });
  });
});
