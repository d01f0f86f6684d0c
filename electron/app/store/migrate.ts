import type Database from 'better-sqlite3';
import { PairlightError } from '../errors';
import type { Migration } from './migrations/types';

/** The schema version lives in SQLite's own user_version, so it changes in the same transaction. */
export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every migration newer than the database, each in its own transaction (a failure
 * leaves the database at the last good version). Returns the versions applied.
 */
export function migrate(db: Database.Database, list: readonly Migration[]): number[] {
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration list is out of order at ${m.name}: expected version ${i + 1}, got ${m.version}.`);
  });
  const current = schemaVersion(db);
  const latest = list.length;
  if (current > latest) {
    throw new PairlightError(
      'INTERNAL',
      `This library was written by a newer Pairlight (schema ${current}, this version knows ${latest}). Update Pairlight to open it.`,
    );
  }
  const applied: number[] = [];
  for (const m of list.slice(current)) {
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
