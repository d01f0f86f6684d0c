import type Database from 'better-sqlite3';

/**
 * One schema change. `version` numbers are 1, 2, 3… with no gaps; a migration never changes
 * once released: fix a mistake with the next number.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}
