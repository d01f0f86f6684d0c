// Typed failures of the model manager. Each carries a stable `reason` (what the UI and
// tests branch on) and the contract's coarser ErrorCode, so a command handler can rethrow
// it unchanged and the renderer still sees the specific reason in `details`.
import { PairlightError, type ErrorCode } from '../../contract';

/** Stable reason → the contract code it travels under. */
const CODE_OF = {
  MODEL_NOT_FOUND: 'NOT_FOUND',
  MODEL_NOT_INSTALLED: 'MODEL_MISSING', // known, but its file is missing or a download is unfinished
  MODEL_CORRUPT: 'MODEL_INVALID', // the installed file no longer matches its recorded sha256
  MODEL_BUILT_IN: 'CONFLICT', // built-in models are rebuilt by `npm run models`, not removed or replaced
  MODEL_EXISTS: 'CONFLICT', // an installed model already has this id
  MODEL_ID_INVALID: 'VALIDATION',
  DOWNLOAD_BUSY: 'CONFLICT', // a download for this id is already running
  DOWNLOAD_NOT_RUNNING: 'NOT_FOUND',
  URL_NOT_ALLOWED: 'VALIDATION', // not http(s), or a redirect to another scheme
  SHA256_INVALID: 'VALIDATION',
  DOWNLOAD_HTTP: 'NETWORK', // the server answered with an error status
  DOWNLOAD_NETWORK: 'NETWORK', // connection failures, retries exhausted
  DOWNLOAD_CANCELLED: 'CANCELLED',
  SIZE_MISMATCH: 'MODEL_INVALID',
  SHA_MISMATCH: 'MODEL_INVALID',
  NOT_ONNX: 'MODEL_INVALID', // ONNX Runtime cannot parse it as an ONNX model at all
  MODEL_LOAD_FAILED: 'MODEL_INVALID', // a valid ONNX file this ONNX Runtime cannot load (unknown op, bad graph)
  CONTRACT_MISMATCH: 'MODEL_INVALID',
  TASK_UNSUPPORTED: 'VALIDATION', // no contract check exists for this task, so nothing is accepted
  FILE_UNREADABLE: 'NOT_FOUND',
  DISK: 'DISK',
} as const satisfies Record<string, ErrorCode>;

export type ModelErrorReason = keyof typeof CODE_OF;

export class ModelError extends PairlightError {
  readonly reason: ModelErrorReason;

  constructor(reason: ModelErrorReason, message: string, extra?: Record<string, unknown>) {
    super(CODE_OF[reason], message, { reason, ...extra });
    this.name = 'ModelError';
    this.reason = reason;
  }
}

export function isModelError(err: unknown, reason?: ModelErrorReason): err is ModelError {
  return err instanceof ModelError && (reason === undefined || err.reason === reason);
}

/** Wraps a filesystem failure as a DISK error that says which file and what to do. */
export function diskError(what: string, err: unknown): ModelError {
  const cause = (err as NodeJS.ErrnoException)?.code ?? (err as Error)?.message ?? String(err);
  return new ModelError('DISK', `Could not ${what} (${cause}). Check that the disk has free space and the models folder is writable, then try again.`);
}

export function downloadCancelledError(): ModelError {
  return new ModelError('DOWNLOAD_CANCELLED', 'The download was cancelled. What was received is kept, so starting it again resumes where it stopped.');
}
