import type { Migration } from './types';

// Timestamps are ISO 8601 text; JSON columns hold values validated by the repositories.
// Files live under the project folder and rows point to them by a path relative to it, so a
// data folder can be moved as a whole.
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE projects (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('couple', 'baby', 'client')),
        cover_image_id TEXT REFERENCES images(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE people (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        -- who this person is in the portrait: one of a couple, a parent, a client subject
        role TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX people_project ON people(project_id);

      CREATE TABLE photos (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        person_id TEXT REFERENCES people(id) ON DELETE SET NULL,
        sha256 TEXT NOT NULL,
        rel_path TEXT NOT NULL,
        original_name TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        -- importing the same file twice into a project gives the same photo
        UNIQUE (project_id, sha256)
      );
      CREATE INDEX photos_person ON photos(person_id);

      CREATE TABLE faces (
        id TEXT PRIMARY KEY,
        photo_id TEXT NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
        person_id TEXT REFERENCES people(id) ON DELETE SET NULL,
        box_json TEXT NOT NULL,
        pose_json TEXT,
        quality_json TEXT,
        -- 478-point mesh and matte are files (large); the row keeps their paths
        mesh_rel_path TEXT,
        matte_rel_path TEXT,
        embedding BLOB,
        created_at TEXT NOT NULL
      );
      CREATE INDEX faces_photo ON faces(photo_id);

      CREATE TABLE generations (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        recipe_json TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX generations_project ON generations(project_id);

      CREATE TABLE images (
        id TEXT PRIMARY KEY,
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        generation_id TEXT REFERENCES generations(id) ON DELETE SET NULL,
        parent_id TEXT REFERENCES images(id) ON DELETE SET NULL,
        stage TEXT NOT NULL CHECK (stage IN ('draft', 'refined', 'upscaled', 'export')),
        rel_path TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        seed INTEGER,
        theme TEXT,
        recipe_json TEXT NOT NULL,
        identity_scores_json TEXT,
        rating INTEGER CHECK (rating BETWEEN 0 AND 5),
        favourite INTEGER NOT NULL DEFAULT 0 CHECK (favourite IN (0, 1)),
        created_at TEXT NOT NULL
      );
      CREATE INDEX images_project ON images(project_id, created_at);
      CREATE INDEX images_parent ON images(parent_id);

      CREATE TABLE jobs (
        id TEXT PRIMARY KEY,
        project_id TEXT REFERENCES projects(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        heavy INTEGER NOT NULL CHECK (heavy IN (0, 1)),
        input_json TEXT NOT NULL,
        progress REAL NOT NULL DEFAULT 0,
        message TEXT NOT NULL DEFAULT '',
        error_code TEXT,
        error_message TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX jobs_status ON jobs(status, created_at);
      CREATE INDEX jobs_project ON jobs(project_id, created_at);

      CREATE TABLE job_steps (
        job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed', 'cancelled')),
        progress REAL NOT NULL DEFAULT 0,
        -- what the step returned; later steps read it, so a resumed job does not redo earlier ones
        output_json TEXT,
        started_at TEXT,
        finished_at TEXT,
        PRIMARY KEY (job_id, position)
      );

      -- one row per failure, so retries keep the history of what went wrong
      CREATE TABLE job_errors (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
        attempt INTEGER NOT NULL,
        step TEXT,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        details_json TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX job_errors_job ON job_errors(job_id);

      CREATE TABLE models (
        id TEXT PRIMARY KEY,
        task TEXT NOT NULL,
        file_path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        source TEXT NOT NULL,
        licence TEXT,
        status TEXT NOT NULL,
        installed_at TEXT NOT NULL
      );

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
  },
};
