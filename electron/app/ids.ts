import { randomUUID } from 'node:crypto';

// Random UUIDs: unique across machines, so projects can later be moved between data folders.
export function newId(): string {
  return randomUUID();
}
