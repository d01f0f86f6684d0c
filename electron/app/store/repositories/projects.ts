import type { Project, ProjectKind } from '../../../contract';
import type { Db } from '../database';

interface ProjectRow {
  id: string;
  name: string;
  kind: ProjectKind;
  cover_image_id: string | null;
  created_at: string;
  updated_at: string;
  image_count: number;
  cover_path: string | null;
}

const SELECT = `
  SELECT p.id, p.name, p.kind, p.cover_image_id, p.created_at, p.updated_at,
         (SELECT COUNT(*) FROM images i WHERE i.project_id = p.id) AS image_count,
         (SELECT c.rel_path FROM images c WHERE c.id = p.cover_image_id) AS cover_path
  FROM projects p`;

function toProject(row: ProjectRow): Project {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    imageCount: row.image_count,
    coverImageId: row.cover_image_id,
    coverPath: row.cover_path,
  };
}

export interface NewProject {
  id: string;
  name: string;
  kind: ProjectKind;
  now: string;
}

export class ProjectsRepository {
  constructor(private readonly db: Db) {}

  list(): Project[] {
    return (this.db.prepare(`${SELECT} ORDER BY p.updated_at DESC, p.id`).all() as ProjectRow[]).map(toProject);
  }

  get(id: string): Project | null {
    const row = this.db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProjectRow | undefined;
    return row ? toProject(row) : null;
  }

  insert(p: NewProject): Project {
    this.db
      .prepare('INSERT INTO projects (id, name, kind, cover_image_id, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?)')
      .run(p.id, p.name, p.kind, p.now, p.now);
    return this.get(p.id)!;
  }

  /** Returns false when no such project exists. */
  rename(id: string, name: string, now: string): boolean {
    return this.db.prepare('UPDATE projects SET name = ?, updated_at = ? WHERE id = ?').run(name, now, id).changes === 1;
  }

  touch(id: string, now: string): void {
    this.db.prepare('UPDATE projects SET updated_at = ? WHERE id = ?').run(now, id);
  }

  /** Removes the project and, through ON DELETE CASCADE, every row that belongs to it. */
  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM projects WHERE id = ?').run(id).changes === 1;
  }

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM projects WHERE id = ?').get(id) !== undefined;
  }
}
