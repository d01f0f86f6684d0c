// Shapes the model manager hands to its callers (contract commands, Settings UI, CLI).
import type { ModelTask } from '../../../models/catalog-types';

export type ModelSource = 'built-in' | 'imported' | 'downloaded';

/**
 * installed: file present and its sha256 matches; missing: no file; corrupt: sha256 or size
 * differs from what was recorded; downloading: a transfer is running now; paused: a partial
 * download is kept on disk and can be resumed by downloading the same id again.
 */
export type ModelStatus = 'installed' | 'missing' | 'corrupt' | 'downloading' | 'paused';

export interface ModelListItem {
  id: string;
  title: string;
  task: ModelTask;
  status: ModelStatus;
  source: ModelSource;
  /** Licence of the weights, as recorded in the catalog or given by the user. */
  licence: string;
  /** Absolute path of the installed file (or where it will be once installed). */
  file: string;
  sha256: string;
  /** Size in bytes when known. */
  bytes: number | null;
  /** Worst absolute error against the reference implementation; null when never verified. */
  verifiedMaxError: number | null;
  testOnly: boolean;
  /** For downloading/paused: bytes on disk so far and the total when the server said it. */
  progress?: { bytes: number; total: number | null };
  /** For corrupt: what did not match, in words for the user. */
  problem?: string;
}

export interface DownloadRequest {
  /** http: or https: URL the user gave. */
  url: string;
  /** Expected sha256 of the whole file, hex. */
  sha256: string;
  /** Expected size; when given, a longer body is refused early. */
  bytes?: number;
  id: string;
  task: ModelTask;
  licence: string;
  title?: string;
}

export interface DownloadProgress {
  id: string;
  /** Bytes of the file on disk so far (including a resumed prefix). */
  bytes: number;
  /** Total size when known (Content-Length, Content-Range or the request's bytes). */
  total: number | null;
  /** Bytes per second over the recent window. */
  rate: number;
  /** What is happening, for a status line. */
  phase: 'connecting' | 'receiving' | 'retrying' | 'verifying' | 'checking' | 'installing';
  /** Set while phase is 'retrying': why the last attempt failed. */
  note?: string;
}

export interface ImportOptions {
  /** Defaults to a slug of the file name. */
  id?: string;
  title?: string;
  licence?: string;
}

export type ModelManagerEvent =
  | { type: 'download-progress'; progress: DownloadProgress }
  | { type: 'changed' };
