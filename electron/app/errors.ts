// Main-side helpers for the contract's typed errors: one place that turns a thrown value into
// something the user can act on.
import { PairlightError, toPairlightError, type ErrorCode } from '../contract';

export { PairlightError };

export function fail(code: ErrorCode, message: string, details?: unknown): never {
  throw new PairlightError(code, message, details);
}

export function notFound(what: string, id: string): never {
  throw new PairlightError('NOT_FOUND', `That ${what} no longer exists (id ${id}). Refresh the list and try again.`);
}

const DISK_ERRNOS = new Set(['ENOSPC', 'EACCES', 'EPERM', 'EROFS', 'EDQUOT', 'EMFILE', 'EIO']);

/**
 * Classifies an unknown failure. File-system errors the user can fix (full disk, permissions)
 * become DISK with advice; anything else that is not already a PairlightError is a bug (INTERNAL).
 */
export function asPairlightError(error: unknown): PairlightError {
  if (error instanceof PairlightError) return error;
  const errno = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof errno === 'string' && DISK_ERRNOS.has(errno)) {
    return new PairlightError(
      'DISK',
      `Pairlight could not write its files (${errno}). Check that the disk has free space and that the data folder is writable.`,
    );
  }
  return toPairlightError(error);
}
