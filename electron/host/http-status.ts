import type { ErrorCode } from '../contract';

/** HTTP status for a failed invoke; the body always carries the contract's error code too. */
export function statusForError(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION':
    case 'IMPORT_NOT_IMAGE':
    case 'NO_FACE':
      return 400;
    case 'UNAUTHORIZED':
      return 401;
    case 'NOT_FOUND':
    case 'UNKNOWN_COMMAND':
      return 404;
    case 'CONFLICT':
    case 'CANCELLED':
      return 409;
    case 'MODEL_MISSING':
    case 'MODEL_INVALID':
      return 422;
    default:
      return 500;
  }
}
