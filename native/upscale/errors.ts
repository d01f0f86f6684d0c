// Typed errors of the upscaler, with stable codes the job queue and the CLI can act on.

/** Thrown between tiles when the caller's AbortSignal fires; name matches DOM AbortError. */
export class UpscaleCancelledError extends Error {
  readonly code = 'CANCELLED';
  override readonly name = 'AbortError';
  constructor(
    readonly tilesDone: number,
    readonly tilesTotal: number,
  ) {
    super(`Upscale cancelled after ${tilesDone} of ${tilesTotal} tiles.`);
  }
}

export class UpscaleInputError extends Error {
  readonly code = 'BAD_INPUT';
  override readonly name = 'UpscaleInputError';
}
