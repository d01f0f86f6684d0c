// One shape for every failure the UI shows, whichever transport produced it.

export interface UserError {
  code: string;
  message: string;
  /** The input the failure is about, when the main side names one (`details.field`), e.g. a theme's "lens.aperture". */
  field?: string;
}

export class BridgeError extends Error implements UserError {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'BridgeError';
  }
}

function isUserError(value: unknown): value is UserError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as UserError).code === 'string' &&
    typeof (value as UserError).message === 'string'
  );
}

/** The field a contract error's `details` name (`{ field: "lens.aperture" }`), if any. */
export function detailsField(details: unknown): string | undefined {
  const field = typeof details === 'object' && details !== null ? (details as { field?: unknown }).field : undefined;
  return typeof field === 'string' && field !== '' ? field : undefined;
}

/** {code, message} and the field, from a BridgeError (`field`) or a contract error (`details.field`). */
function userError(error: UserError & { details?: unknown }): UserError {
  const field = typeof error.field === 'string' && error.field !== '' ? error.field : detailsField(error.details);
  return field === undefined ? { code: error.code, message: error.message } : { code: error.code, message: error.message, field };
}

/**
 * Electron's contextBridge strips custom properties from rejected errors, so a preload may
 * encode {code, message} as JSON in Error.message; the HTTP bridge throws BridgeError.
 * Both end up as the same UserError here.
 */
export function toUserError(error: unknown): UserError {
  if (isUserError(error)) return userError(error);
  if (error instanceof Error) {
    const embedded = parseEmbedded(error.message);
    if (embedded) return embedded;
    return { code: 'INTERNAL', message: error.message || 'Something went wrong.' };
  }
  return { code: 'INTERNAL', message: 'Something went wrong.' };
}

function parseEmbedded(text: string): UserError | null {
  const start = text.indexOf('{');
  if (start < 0) return null;
  try {
    const parsed: unknown = JSON.parse(text.slice(start));
    return isUserError(parsed) ? userError(parsed) : null;
  } catch {
    return null;
  }
}
