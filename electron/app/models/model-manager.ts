// The model manager: which models exist, whether their files are intact, and the two ways a
// user adds one (import a local .onnx, download from a URL they give). Electron-free; the
// contract commands models.* and the Settings screen call it.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { CatalogEntry, ModelTask } from '../../../models/catalog-types';
import { checkModelFile, type ModelContractCheckers } from './contract-check';
import { diffusionContractChecker } from './diffusion-checker';
import { diskError, downloadCancelledError, isModelError, ModelError } from './errors';
import { FileVerifier } from './file-state';
import { sweepTempFiles, tempPathFor } from '../files/atomic';
import { fileSize, sha256File } from './files';
import { downloadToPartFile, parseDownloadUrl, type TransferOptions } from './http-download';
import { JsonFileRegistry, type InstalledModelRecord, type ModelRegistryStore, type PendingDownloadRecord } from './registry';
import type { DownloadProgress, DownloadRequest, ImportOptions, ModelListItem, ModelManagerEvent } from './types';

/** The models `npm run models` builds, as described by models/catalog.json. */
export interface BuiltInModels {
  entries: readonly CatalogEntry[];
  pathOf(entry: CatalogEntry): string;
}

export type TransferTuning = Partial<Pick<TransferOptions, 'retries' | 'maxAttempts' | 'backoffMs' | 'maxBackoffMs' | 'idleTimeoutMs' | 'maxRedirects'>>;

export interface ModelManagerOptions {
  /** The user's models folder (user data dir/models); created when missing. */
  modelsDir: string;
  builtIn?: BuiltInModels;
  /** Defaults to registry.json inside modelsDir; the app may pass a SQLite-backed store. */
  registry?: ModelRegistryStore;
  /**
   * Task checks owned elsewhere; each replaces the built-in rule for its task. Diffusion
   * defaults to the metadata contract of models/diffusion; pass another to override it.
   */
  checkers?: ModelContractCheckers;
  transfer?: TransferTuning;
  now?: () => Date;
}

export interface DownloadOptions {
  onProgress?: (p: DownloadProgress) => void;
  signal?: AbortSignal;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const SHA256_PATTERN = /^[0-9a-f]{64}$/;

interface ActiveDownload {
  controller: AbortController;
  progress: DownloadProgress;
  discard: boolean;
  /** Resolves once download() has cleaned up, so cancelDownload can return after the .part is settled. */
  settled: Promise<void>;
}

export class ModelManager {
  private readonly modelsDir: string;
  private readonly builtIn: BuiltInModels;
  private readonly registry: ModelRegistryStore;
  private readonly checkers: ModelContractCheckers;
  private readonly transfer: TransferTuning;
  private readonly now: () => Date;
  private readonly active = new Map<string, ActiveDownload>();
  /** Ids being imported right now, so two imports cannot race for the same id. */
  private readonly importing = new Set<string>();
  private readonly listeners = new Set<(e: ModelManagerEvent) => void>();
  private readonly files = new FileVerifier();
  private ready: Promise<void> | null = null;

  constructor(options: ModelManagerOptions) {
    this.modelsDir = path.resolve(options.modelsDir);
    this.builtIn = options.builtIn ?? { entries: [], pathOf: () => '' };
    this.registry = options.registry ?? new JsonFileRegistry(path.join(this.modelsDir, 'registry.json'));
    this.checkers = { diffusion: diffusionContractChecker, ...options.checkers };
    this.transfer = options.transfer ?? {};
    this.now = options.now ?? (() => new Date());
  }

  /** Subscribe to download progress and list changes; returns the unsubscribe function. */
  onEvent(listener: (e: ModelManagerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async list(opts: { includeTestOnly?: boolean } = {}): Promise<ModelListItem[]> {
    await this.ensureReady();
    const items: ModelListItem[] = [];
    for (const entry of this.builtIn.entries) {
      if (entry.testOnly && !opts.includeTestOnly) continue;
      const file = this.builtIn.pathOf(entry);
      const state = await this.files.check(file, entry.sha256, entry.bytes);
      items.push({
        id: entry.id,
        title: entry.title,
        task: entry.task,
        status: state.status,
        source: 'built-in',
        licence: entry.provenance.weightsLicence,
        file,
        sha256: entry.sha256,
        bytes: entry.bytes,
        verifiedMaxError: entry.verification?.maxAbsError ?? null,
        testOnly: entry.testOnly === true,
        ...(state.problem ? { problem: state.problem } : {}),
      });
    }
    const user: ModelListItem[] = [];
    for (const rec of await this.registry.installed()) {
      const file = this.userFile(rec);
      const state = await this.files.check(file, rec.sha256, rec.bytes);
      user.push({ ...this.userItem(rec, file), status: state.status, ...(state.problem ? { problem: state.problem } : {}) });
    }
    for (const rec of await this.registry.pending()) {
      const active = this.active.get(rec.id);
      const onDisk = (await fileSize(this.partPath(rec.id))) ?? 0;
      user.push({
        id: rec.id,
        title: rec.title,
        task: rec.task,
        status: active ? 'downloading' : 'paused',
        source: 'downloaded',
        licence: rec.licence,
        file: this.finalPath(rec.id),
        sha256: rec.sha256,
        bytes: rec.bytes,
        verifiedMaxError: null,
        testOnly: false,
        progress: active ? { bytes: active.progress.bytes, total: active.progress.total } : { bytes: onDisk, total: rec.bytes },
      });
    }
    user.sort((a, b) => a.id.localeCompare(b.id));
    return [...items, ...user];
  }

  /** Absolute path of an installed, intact model (built-in or added), for the pipeline to load. */
  async installedPath(id: string): Promise<string> {
    const item = (await this.list({ includeTestOnly: true })).find((m) => m.id === id);
    if (!item) throw new ModelError('MODEL_NOT_FOUND', `There is no model "${id}". Open Settings › Models to see what is installed.`);
    if (item.status === 'corrupt') {
      throw new ModelError('MODEL_CORRUPT', `The model "${item.title}" is damaged (${item.problem}). Reinstall it from Settings › Models.`);
    }
    if (item.status !== 'installed') {
      const fix = item.source === 'built-in' ? 'Run `npm run models` or reinstall Pairlight.' : 'Finish or restart its download in Settings › Models.';
      throw new ModelError('MODEL_NOT_INSTALLED', `The model "${item.title}" is ${item.status}. ${fix}`);
    }
    return item.file;
  }

  /** Copies a local .onnx into the models folder after it passes the contract check for `task`. */
  async importLocal(sourcePath: string, task: ModelTask, opts: ImportOptions = {}): Promise<ModelListItem> {
    await this.ensureReady();
    const id = opts.id ?? slugFromFile(sourcePath);
    await this.assertIdFree(id);
    if (this.importing.has(id)) throw new ModelError('MODEL_EXISTS', `A model with the id "${id}" is being imported right now.`);
    this.importing.add(id);
    // Check the copy, not the original: what is checked is exactly what gets installed.
    const tmp = tempPathFor(this.finalPath(id));
    try {
      if (this.active.has(id) || (await this.registry.pending()).some((p) => p.id === id)) {
        throw new ModelError('MODEL_EXISTS', `A download of "${id}" is in progress or paused. Remove it or choose another id.`);
      }
      try {
        await fs.copyFile(sourcePath, tmp);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES' || code === 'EPERM') {
          throw new ModelError('FILE_UNREADABLE', `Could not read ${sourcePath} (${code}). Check that the file exists and you can open it.`);
        }
        throw diskError(`copy ${sourcePath} into the models folder`, err);
      }
      await checkModelFile(tmp, task, this.checkers);
      const sha256 = await sha256File(tmp);
      const bytes = (await fileSize(tmp)) ?? 0;
      const rec: InstalledModelRecord = {
        id,
        title: opts.title ?? path.basename(sourcePath),
        task,
        source: 'imported',
        file: path.basename(this.finalPath(id)),
        sha256,
        bytes,
        licence: opts.licence ?? 'unknown (imported by the user)',
        origin: path.resolve(sourcePath),
        installedAt: this.now().toISOString(),
      };
      await this.install(tmp, rec);
      return this.userItem(rec, this.finalPath(id));
    } finally {
      this.importing.delete(id);
      await fs.rm(tmp, { force: true });
    }
  }

  /**
   * Downloads a model the user asked for, resuming a partial file left by an earlier
   * attempt of the same id and sha256. Resolves once it is verified and installed.
   */
  async download(req: DownloadRequest, opts: DownloadOptions = {}): Promise<ModelListItem> {
    await this.ensureReady();
    const sha256 = req.sha256.trim().toLowerCase();
    if (!SHA256_PATTERN.test(sha256)) {
      throw new ModelError('SHA256_INVALID', 'The sha256 must be 64 hexadecimal characters. Copy it from the page that offers the model.');
    }
    parseDownloadUrl(req.url);
    if (req.bytes !== undefined && !(Number.isSafeInteger(req.bytes) && req.bytes > 0)) {
      throw new ModelError('SIZE_MISMATCH', `The expected size must be a positive whole number of bytes, not ${req.bytes}.`);
    }
    if (this.active.has(req.id)) throw new ModelError('DOWNLOAD_BUSY', `The model "${req.id}" is already downloading.`);
    // Reserve the id before the first await, so a second click cannot start a twin download.
    const controller = new AbortController();
    let settle = () => {};
    const settled = new Promise<void>((resolve) => (settle = resolve));
    const job: ActiveDownload = { controller, discard: false, settled, progress: { id: req.id, bytes: 0, total: req.bytes ?? null, rate: 0, phase: 'connecting' } };
    this.active.set(req.id, job);
    const part = this.partPath(req.id);
    const relay = () => controller.abort();
    opts.signal?.addEventListener('abort', relay, { once: true });
    if (opts.signal?.aborted) controller.abort();
    const report = (p: Omit<DownloadProgress, 'id'>) => {
      job.progress = { id: req.id, ...p };
      opts.onProgress?.(job.progress);
      this.emit({ type: 'download-progress', progress: job.progress });
    };
    let started = false;
    try {
      await this.assertIdFree(req.id);
      if (this.importing.has(req.id)) throw new ModelError('MODEL_EXISTS', `A model with the id "${req.id}" is being imported right now.`);
      const previous = (await this.registry.pending()).find((p) => p.id === req.id);
      // A partial file only continues the same file: a new checksum means different bytes.
      if (!previous || previous.sha256 !== sha256) await fs.rm(part, { force: true });
      const pending: PendingDownloadRecord = {
        id: req.id,
        title: req.title ?? req.id,
        url: req.url,
        sha256,
        bytes: req.bytes ?? null,
        task: req.task,
        licence: req.licence,
        startedAt: previous?.startedAt ?? this.now().toISOString(),
      };
      await this.registry.putPending(pending);
      started = true;
      this.emit({ type: 'changed' });
      await downloadToPartFile({ ...this.transfer, url: req.url, partPath: part, expectedBytes: req.bytes, signal: controller.signal, onProgress: report });

      const size = (await fileSize(part)) ?? 0;
      report({ bytes: size, total: size, rate: 0, phase: 'verifying' });
      if (req.bytes !== undefined && size !== req.bytes) {
        throw new ModelError('SIZE_MISMATCH', `The downloaded file is ${size} bytes, but ${req.bytes} were expected. Nothing was installed; check the address and the size.`);
      }
      const actual = await sha256File(part, controller.signal);
      if (actual !== sha256) {
        throw new ModelError('SHA_MISMATCH', `The downloaded file does not match its checksum: sha256 expected ${sha256} got ${actual}. Nothing was installed; the file may be damaged or not the one you meant.`, {
          expected: sha256,
          actual,
        });
      }
      report({ bytes: size, total: size, rate: 0, phase: 'checking' });
      await checkModelFile(part, req.task, this.checkers);
      report({ bytes: size, total: size, rate: 0, phase: 'installing' });
      const rec: InstalledModelRecord = {
        id: req.id,
        title: req.title ?? req.id,
        task: req.task,
        source: 'downloaded',
        file: path.basename(this.finalPath(req.id)),
        sha256,
        bytes: size,
        licence: req.licence,
        origin: req.url,
        installedAt: this.now().toISOString(),
      };
      await this.install(part, rec);
      await this.registry.removePending(req.id);
      return this.userItem(rec, this.finalPath(req.id));
    } catch (err) {
      if (!started) throw err;
      const error = controller.signal.aborted && !isModelError(err, 'DOWNLOAD_CANCELLED') && !isModelError(err, 'SHA_MISMATCH') ? downloadCancelledError() : err;
      if (!keepsPartialFile(error) || job.discard) {
        await fs.rm(part, { force: true });
        await this.registry.removePending(req.id).catch(() => undefined);
      }
      throw error;
    } finally {
      opts.signal?.removeEventListener('abort', relay);
      this.active.delete(req.id);
      settle();
      if (started) this.emit({ type: 'changed' });
    }
  }

  /** Continues a paused download with the request stored when it started (e.g. after a restart). */
  async resumeDownload(id: string, opts: DownloadOptions = {}): Promise<ModelListItem> {
    await this.ensureReady();
    const rec = (await this.registry.pending()).find((p) => p.id === id);
    if (!rec) throw new ModelError('DOWNLOAD_NOT_RUNNING', `There is no paused download of "${id}". Start it again with its address and checksum.`);
    return this.download(
      { id: rec.id, url: rec.url, sha256: rec.sha256, task: rec.task, licence: rec.licence, title: rec.title, ...(rec.bytes !== null ? { bytes: rec.bytes } : {}) },
      opts,
    );
  }

  /**
   * Stops a running download and resolves once it has stopped. The partial file is kept so
   * downloading the same id again resumes it, unless `discard` is set; discard also drops a
   * paused download.
   */
  async cancelDownload(id: string, opts: { discard?: boolean } = {}): Promise<void> {
    await this.ensureReady();
    const job = this.active.get(id);
    if (job) {
      job.discard = job.discard || opts.discard === true;
      job.controller.abort();
      await job.settled;
      return;
    }
    const pending = (await this.registry.pending()).find((p) => p.id === id);
    if (!pending) throw new ModelError('DOWNLOAD_NOT_RUNNING', `There is no download of "${id}" to cancel.`);
    if (opts.discard) {
      await this.registry.removePending(id);
      await fs.rm(this.partPath(id), { force: true });
      this.emit({ type: 'changed' });
    }
  }

  /** Removes an imported or downloaded model (or a paused download). Built-in models stay. */
  async remove(id: string): Promise<void> {
    await this.ensureReady();
    if (this.builtIn.entries.some((e) => e.id === id)) {
      throw new ModelError('MODEL_BUILT_IN', `"${id}" comes with Pairlight and cannot be removed.`);
    }
    if (this.active.has(id)) throw new ModelError('DOWNLOAD_BUSY', `"${id}" is downloading. Cancel the download first.`);
    const installed = (await this.registry.installed()).find((r) => r.id === id);
    if (installed) {
      // Registry first: if deleting the file then fails, an orphan file is harmless, a dangling entry is not.
      await this.registry.removeInstalled(id);
      await fs.rm(this.userFile(installed), { force: true }).catch((err) => {
        throw diskError(`delete ${installed.file}`, err);
      });
    } else if ((await this.registry.pending()).some((p) => p.id === id)) {
      await this.registry.removePending(id);
      await fs.rm(this.partPath(id), { force: true });
    } else {
      throw new ModelError('MODEL_NOT_FOUND', `There is no model "${id}" to remove.`);
    }
    this.emit({ type: 'changed' });
  }

  private async install(file: string, rec: InstalledModelRecord): Promise<void> {
    const target = this.finalPath(rec.id);
    try {
      await fs.rename(file, target);
    } catch (err) {
      throw diskError(`move ${rec.id} into the models folder`, err);
    }
    try {
      await this.registry.putInstalled(rec);
    } catch (err) {
      await fs.rm(target, { force: true });
      throw diskError('record the new model', err);
    }
    this.emit({ type: 'changed' });
  }

  private async assertIdFree(id: string): Promise<void> {
    if (!ID_PATTERN.test(id)) {
      throw new ModelError('MODEL_ID_INVALID', `"${id}" cannot be a model id: use 1–64 lower-case letters, digits, dots, dashes or underscores, starting with a letter or digit.`);
    }
    if (this.builtIn.entries.some((e) => e.id === id)) {
      throw new ModelError('MODEL_BUILT_IN', `"${id}" is the id of a model that comes with Pairlight. Choose another id.`);
    }
    if ((await this.registry.installed()).some((r) => r.id === id)) {
      throw new ModelError('MODEL_EXISTS', `A model with the id "${id}" is already installed. Remove it first or choose another id.`);
    }
  }

  private userItem(rec: InstalledModelRecord, file: string): ModelListItem {
    return {
      id: rec.id,
      title: rec.title,
      task: rec.task,
      status: 'installed',
      source: rec.source,
      licence: rec.licence,
      file,
      sha256: rec.sha256,
      bytes: rec.bytes,
      verifiedMaxError: null,
      testOnly: false,
    };
  }

  /** basename: a hand-edited registry must not point remove() at files outside the models folder. */
  private userFile(rec: InstalledModelRecord): string {
    return path.join(this.modelsDir, path.basename(rec.file));
  }

  private finalPath(id: string): string {
    return path.join(this.modelsDir, `${id}.onnx`);
  }

  private partPath(id: string): string {
    return path.join(this.modelsDir, `${id}.onnx.part`);
  }

  private emit(e: ModelManagerEvent): void {
    for (const l of this.listeners) {
      try {
        l(e);
      } catch {
        // a failing listener must not break a download
      }
    }
  }

  private ensureReady(): Promise<void> {
    this.ready ??= (async () => {
      try {
        await fs.mkdir(this.modelsDir, { recursive: true });
        // Temp copies of imports and registry writes cut short by a crash are never resumed.
        // (.part files are not temp files: they are kept for a resume.)
        await sweepTempFiles(this.modelsDir);
      } catch (err) {
        this.ready = null;
        throw diskError(`prepare the models folder ${this.modelsDir}`, err);
      }
    })();
    return this.ready;
  }
}

/** Network trouble and cancellation keep the partial file for a resume; bad content never does. */
function keepsPartialFile(err: unknown): boolean {
  return isModelError(err, 'DOWNLOAD_CANCELLED') || isModelError(err, 'DOWNLOAD_NETWORK') || isModelError(err, 'DOWNLOAD_HTTP');
}

function slugFromFile(file: string): string {
  const base = path.basename(file).replace(/\.onnx$/i, '');
  const slug = base.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '').slice(0, 64);
  return slug || 'imported-model';
}
