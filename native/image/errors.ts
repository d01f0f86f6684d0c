// Why a photo could not be imported. Each code has its own sentence for the user; the contract
// reports them all as IMPORT_NOT_IMAGE with this code in `details.reason`.

export type ImportErrorReason =
  | 'empty_file'
  | 'not_an_image'
  | 'truncated'
  | 'too_small'
  | 'too_large'
  | 'heic_unsupported'
  | 'unreadable';

export class ImageImportError extends Error {
  readonly code = 'IMPORT_NOT_IMAGE' as const;
  constructor(
    readonly reason: ImportErrorReason,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ImageImportError';
  }
}
