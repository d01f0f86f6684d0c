import type { Db } from '../database';

export interface Person {
  id: string;
  projectId: string;
  name: string;
  /** Who this person is in the portrait, e.g. 'a' / 'b' of a couple, 'parent-a', 'subject'. */
  role: string;
  createdAt: string;
}

interface PersonRow {
  id: string;
  project_id: string;
  name: string;
  role: string;
  created_at: string;
}

const toPerson = (r: PersonRow): Person => ({ id: r.id, projectId: r.project_id, name: r.name, role: r.role, createdAt: r.created_at });

export class PeopleRepository {
  constructor(private readonly db: Db) {}

  insert(p: Person): Person {
    this.db.prepare('INSERT INTO people (id, project_id, name, role, created_at) VALUES (?, ?, ?, ?, ?)').run(p.id, p.projectId, p.name, p.role, p.createdAt);
    return p;
  }

  get(id: string): Person | null {
    const row = this.db.prepare('SELECT * FROM people WHERE id = ?').get(id) as PersonRow | undefined;
    return row ? toPerson(row) : null;
  }

  listByProject(projectId: string): Person[] {
    return (this.db.prepare('SELECT * FROM people WHERE project_id = ? ORDER BY created_at, id').all(projectId) as PersonRow[]).map(toPerson);
  }

  rename(id: string, name: string): boolean {
    return this.db.prepare('UPDATE people SET name = ? WHERE id = ?').run(name, id).changes === 1;
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM people WHERE id = ?').run(id).changes === 1;
  }
}
