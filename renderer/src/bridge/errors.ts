// One shape for every failure the UI shows, whichever transport produced it.

export interface UserError {
  code: string;
  message: string;
}

export class BridgeError extends Error implements UserError {
  constructor(
    readonly code: string,
    message: string,
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

/**
 * Electron's contextBridge strips custom properties from rejected errors, so a preload may
 * encode {code, message} as JSON in Error.message; the HTTP bridge throws BridgeError.
 * Both end up as the same UserError here.
 */
export function toUserError(error: unknown): UserError {
  if (isUserError(error)) return { code: error.code, message: error.message };
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
    return isUserError(parsed) ? { code: parsed.code, message: parsed.message } : null;
  } catch {
    return null;
  }
}
