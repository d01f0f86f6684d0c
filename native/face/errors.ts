// Failures of face analysis that the user can act on. `code` matches the contract's error codes.

export type FaceErrorCode = 'MODEL_MISSING' | 'MODEL_INVALID' | 'NO_FACE';

export class FaceAnalysisError extends Error {
  constructor(
    readonly code: FaceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'FaceAnalysisError';
  }
}
