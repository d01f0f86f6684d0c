// Every schema migration, in order. Add a file NNN-what.ts exporting a Migration with the next
// version number and append it here; migrate() refuses gaps and out-of-order entries.
import { initial } from './001-initial';
import type { Migration } from './types';

export type { Migration };

export const migrations: readonly Migration[] = [initial];
