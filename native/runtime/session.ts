// The one place that creates ONNX Runtime sessions: provider fallback, thread counts,
// caching and disposal. Every model in Pairlight is loaded through loadSession().
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import * as ort from 'onnxruntime-node';
import { InferenceWorker, type RunnableSession } from './inference-worker';
import { label, providerPlan, providerUnavailableReason, type BackendInfo, type ProviderName, type ProviderPreference } from './providers';

export interface SessionOptions {
  preference?: ProviderPreference;
  /** Threads inside one operator; defaults to the machine's parallelism. */
  intraOpThreads?: number;
  /** Test hook: pretend the binding reports these backends. */
  backends?: readonly BackendInfo[];
  /** Test hook: whether the CUDA provider libraries are installed (default: looked up on disk). */
  cudaLibrariesPresent?: boolean;
  /** Test hook: replaces the real session factory (used to simulate a failing GPU). */
  create?: (model: string | Uint8Array, opts: ort.InferenceSession.SessionOptions) => Promise<RunnableSession>;
}

export interface LoadedSession {
  session: RunnableSession;
  provider: ProviderName;
  /** One sentence per provider that was skipped or failed, in the order tried. */
  fallbacks: string[];
  loadMs: number;
}

export class ProviderError extends Error {
  readonly code = 'MODEL_LOAD_FAILED';
  constructor(
    message: string,
    readonly fallbacks: string[],
  ) {
    super(message);
  }
}

function ortProviderName(p: ProviderName): string {
  return p;
}

/** Whether onnxruntime-node's CUDA provider library sits next to its binding (it is downloaded at install). */
export function cudaLibrariesInstalled(): boolean {
  try {
    const pkg = path.dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json'));
    const dir = path.join(pkg, 'bin', 'napi-v6', process.platform, process.arch);
    return fs.readdirSync(dir).some((f) => f.startsWith('libonnxruntime_providers_cuda') || f.startsWith('onnxruntime_providers_cuda'));
  } catch {
    return false;
  }
}

export function defaultThreads(): number {
  return Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
}

/** Creates a session, trying providers in order and recording why each one was not used. */
export async function createSession(model: string | Uint8Array, opts: SessionOptions = {}): Promise<LoadedSession> {
  const plan = providerPlan(opts.preference ?? 'auto', process.platform);
  const backends = opts.backends ?? ort.listSupportedBackends();
  const create = opts.create ?? ((m, o) => (typeof m === 'string' ? ort.InferenceSession.create(m, o) : ort.InferenceSession.create(m, o)));
  const fallbacks: string[] = [];
  const cudaPresent = opts.cudaLibrariesPresent ?? (plan.includes('cuda') ? cudaLibrariesInstalled() : false);
  for (const provider of plan) {
    const reason = providerUnavailableReason(provider, process.platform, backends, cudaPresent);
    if (reason) {
      fallbacks.push(reason);
      continue;
    }
    const t0 = performance.now();
    try {
      const session = await create(model, {
        executionProviders: [ortProviderName(provider)],
        intraOpNumThreads: opts.intraOpThreads ?? defaultThreads(),
        interOpNumThreads: 1,
        graphOptimizationLevel: 'all',
      });
      return { session, provider, fallbacks, loadMs: performance.now() - t0 };
    } catch (err) {
      // A GPU provider that fails to initialise (driver missing, out of memory) must not
      // take the app down: note why and try the next one.
      fallbacks.push(`${label(provider)} failed to start: ${(err as Error).message.split('\n')[0]}`);
    }
  }
  throw new ProviderError(`No execution provider could load the model. ${fallbacks.join('; ')}`, fallbacks);
}

/** A human sentence for the UI and logs, e.g. "Using CPU (CUDA: this build has no CUDA support)". */
export function describeProvider(loaded: Pick<LoadedSession, 'provider' | 'fallbacks'>): string {
  const base = `Using ${label(loaded.provider)}`;
  return loaded.fallbacks.length ? `${base} (${loaded.fallbacks.join('; ')})` : base;
}

/** Caches sessions by model path and preference so each model is loaded once per process. */
export class SessionCache {
  private readonly sessions = new Map<string, Promise<LoadedSession>>();
  private latest: Pick<LoadedSession, 'provider' | 'fallbacks'> | null = null;

  private worker: InferenceWorker | null = null;

  /**
   * `offThread` (the default) loads and runs every session on a worker thread, so inference never
   * holds the caller's event loop (the Electron main process, the browser host, a CLI's progress).
   */
  constructor(
    private readonly defaults: SessionOptions = {},
    private readonly offThread = true,
  ) {}

  /** Where the most recently loaded session runs (null before any load): what the app reports as in use. */
  get providerInUse(): Pick<LoadedSession, 'provider' | 'fallbacks'> | null {
    return this.latest;
  }

  get(modelPath: string, opts: SessionOptions = {}): Promise<LoadedSession> {
    const merged: SessionOptions = { ...this.defaults, ...opts };
    if (this.offThread && !merged.create) {
      this.worker ??= new InferenceWorker();
      const worker = this.worker;
      merged.create = (model, o) => worker.createSession(model, o);
    }
    const key = `${modelPath}|${merged.preference ?? 'auto'}|${merged.intraOpThreads ?? ''}`;
    let p = this.sessions.get(key);
    if (!p) {
      p = createSession(modelPath, merged);
      // A failed load is not cached: the user may fix the file or the setting and retry.
      p.then(
        (loaded) => (this.latest = { provider: loaded.provider, fallbacks: loaded.fallbacks }),
        () => this.sessions.delete(key),
      );
      this.sessions.set(key, p);
    }
    return p;
  }

  async dispose(): Promise<void> {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    for (const p of all) {
      try {
        await (await p).session.release();
      } catch {
        // already failed to load or already released
      }
    }
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
