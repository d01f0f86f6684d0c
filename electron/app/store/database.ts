import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';
import { migrations } from './migrations';

export type Db = Database.Database;

/**
 * Opens (creating if needed) the library database and brings its schema up to date.
 * WAL lets the UI read while a job writes; foreign keys make deletes cascade to every row of a
 * project; busy_timeout covers the CLI and the app touching the same file at once.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the
  // last transactions, never corrupt the file.
  db.pragma('synchronous = NORMAL');
  migrate(db, migrations);
  return db;
}
