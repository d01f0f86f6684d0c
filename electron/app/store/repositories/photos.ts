import type { Db } from '../database';

export interface Photo {
  id: string;
  projectId: string;
  personId: string | null;
  /** Of the original file's bytes: the same selfie imported twice is one photo. */
  sha256: string;
  /** The EXIF-rotated copy, relative to the project folder. */
  relPath: string;
  originalName: string;
  width: number;
  height: number;
  createdAt: string;
}

interface PhotoRow {
  id: string;
  project_id: string;
  person_id: string | null;
  sha256: string;
  rel_path: string;
  original_name: string;
  width: number;
  height: number;
  created_at: string;
}

const toPhoto = (r: PhotoRow): Photo => ({
  id: r.id,
  projectId: r.project_id,
  personId: r.person_id,
  sha256: r.sha256,
  relPath: r.rel_path,
  originalName: r.original_name,
  width: r.width,
  height: r.height,
  createdAt: r.created_at,
});

export class PhotosRepository {
  constructor(private readonly db: Db) {}

  /** Inserts, or returns the photo already imported with the same bytes (`created: false`). */
  insertOrGet(p: Photo): { photo: Photo; created: boolean } {
    const existing = this.findBySha(p.projectId, p.sha256);
    if (existing) return { photo: existing, created: false };
    this.db
      .prepare('INSERT INTO photos (id, project_id, person_id, sha256, rel_path, original_name, width, height, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(p.id, p.projectId, p.personId, p.sha256, p.relPath, p.originalName, p.width, p.height, p.createdAt);
    return { photo: p, created: true };
  }

  get(id: string): Photo | null {
    const row = this.db.prepare('SELECT * FROM photos WHERE id = ?').get(id) as PhotoRow | undefined;
    return row ? toPhoto(row) : null;
  }

  findBySha(projectId: string, sha256: string): Photo | null {
    const row = this.db.prepare('SELECT * FROM photos WHERE project_id = ? AND sha256 = ?').get(projectId, sha256) as PhotoRow | undefined;
    return row ? toPhoto(row) : null;
  }

  listByProject(projectId: string): Photo[] {
    return (this.db.prepare('SELECT * FROM photos WHERE project_id = ? ORDER BY created_at, id').all(projectId) as PhotoRow[]).map(toPhoto);
  }

  assignPerson(id: string, personId: string | null): boolean {
    return this.db.prepare('UPDATE photos SET person_id = ? WHERE id = ?').run(personId, id).changes === 1;
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM photos WHERE id = ?').run(id).changes === 1;
  }
}
