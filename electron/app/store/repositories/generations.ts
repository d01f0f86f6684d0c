import type { Db } from '../database';
import { fromJson } from './json';

/** One request to make images: the full recipe, so any result can be made again. */
export interface Generation {
  id: string;
  projectId: string;
  kind: string;
  recipe: unknown;
  createdAt: string;
}

interface GenerationRow {
  id: string;
  project_id: string;
  kind: string;
  recipe_json: string;
  created_at: string;
}

const toGeneration = (r: GenerationRow): Generation => ({ id: r.id, projectId: r.project_id, kind: r.kind, recipe: fromJson<unknown>(r.recipe_json, null), createdAt: r.created_at });

export class GenerationsRepository {
  constructor(private readonly db: Db) {}

  insert(g: Generation): Generation {
    this.db.prepare('INSERT INTO generations (id, project_id, kind, recipe_json, created_at) VALUES (?, ?, ?, ?, ?)').run(g.id, g.projectId, g.kind, JSON.stringify(g.recipe), g.createdAt);
    return g;
  }

  get(id: string): Generation | null {
    const row = this.db.prepare('SELECT * FROM generations WHERE id = ?').get(id) as GenerationRow | undefined;
    return row ? toGeneration(row) : null;
  }

  listByProject(projectId: string): Generation[] {
    return (this.db.prepare('SELECT * FROM generations WHERE project_id = ? ORDER BY created_at DESC, id').all(projectId) as GenerationRow[]).map(toGeneration);
  }
}
