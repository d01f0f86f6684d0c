// The main-thread side of the pixel workers: callOp() runs an op of ops.ts on the least busy of
// a few worker threads and resolves with its result; items the op streams arrive through onItem
// meanwhile. Several workers let independent pixel work (the drafts of one generation) use every
// core; each worker starts on its first call, so an app that never draws pays for none.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { projectWorkerExecArgv, workerScript } from '../runtime/worker-script';
import { OpCancelled, type OpArgs, type OpName, type OpResult } from './ops';
import type { WorkerReply, WorkerRequest } from './pixel-worker';

export interface CallOptions {
  onItem?(value: unknown): void;
  signal?: AbortSignal;
}

interface Pending {
  onItem?: CallOptions['onItem'];
  resolve(value: unknown): void;
  reject(err: Error): void;
}

/**
 * The worker's error as an Error here. Its class cannot cross threads, but its name and the
 * worker's stack can: the log then shows where in the pixel code it failed, not this file.
 */
function workerError(msg: Extract<WorkerReply, { kind: 'error' }>): Error {
  const err = new Error(msg.message);
  if (msg.name) err.name = msg.name;
  if (msg.stack) err.stack = `${msg.stack}\n    (on the pixel worker thread)`;
  return err;
}

class PixelWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  /** Calls sent and not yet answered. */
  get busy(): number {
    return this.pending.size;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const script = workerScript('pixel-worker', import.meta.url);
    const worker = new Worker(script, { execArgv: projectWorkerExecArgv(script, process.execArgv) });
    worker.on('message', (msg: WorkerReply) => this.receive(msg));
    // A dead worker fails what it was doing; the next call starts a fresh one.
    const fail = (err: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the pixel worker stopped (exit code ${code})`)));
    // Idle, it must not keep a CLI from exiting; busy, the process must wait for it.
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private receive(msg: WorkerReply): void {
    const p = this.pending.get(msg.id);
    if (!p) return;
    if (msg.kind === 'item') {
      p.onItem?.(msg.value);
      return;
    }
    this.pending.delete(msg.id);
    if (this.pending.size === 0) this.worker?.unref();
    if (msg.kind === 'result') p.resolve(msg.value);
    else if (msg.kind === 'cancelled') p.reject(new OpCancelled());
    else p.reject(workerError(msg));
  }

  /** Ends the thread; its unfinished calls fail (through the exit handler) and the next call starts a new one. */
  async stop(): Promise<void> {
    await this.worker?.terminate();
  }

  call(op: OpName, args: unknown, opts: CallOptions): Promise<unknown> {
    if (opts.signal?.aborted) return Promise.reject(new OpCancelled());
    const worker = this.start();
    const id = this.nextId++;
    const signal = opts.signal;
    const cancel = () => worker.postMessage({ id, op: 'cancel' } satisfies WorkerRequest);
    return new Promise((resolve, reject) => {
      // A long-lived signal (a job's) must not collect one listener per call.
      const settle = <T>(fn: (v: T) => void) => (v: T) => {
        signal?.removeEventListener('abort', cancel);
        fn(v);
      };
      this.pending.set(id, { onItem: opts.onItem, resolve: settle(resolve), reject: settle(reject) });
      signal?.addEventListener('abort', cancel, { once: true });
      worker.ref();
      worker.postMessage({ id, op, args } satisfies WorkerRequest);
    });
  }
}

/** One worker per core, at most four: beyond that the drafts of one generation (4–8) gain nothing. */
const DEFAULT_WORKERS = Math.max(1, Math.min(4, availableParallelism()));
let pool: PixelWorker[] = Array.from({ length: DEFAULT_WORKERS }, () => new PixelWorker());

/** How many pixel workers calls are spread over. */
export function pixelWorkerCount(): number {
  return pool.length;
}

/** Sets how many pixel workers later calls use (benchmarks compare 1 with more); running calls finish where they are. */
export function setPixelWorkerCount(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > 16) throw new RangeError(`pixel worker count must be a whole number from 1 to 16, got ${n}`);
  pool = Array.from({ length: n }, (_, i) => pool[i] ?? new PixelWorker());
}

/** Ends every pixel worker thread (a benchmark's or test's clean-up); later calls start fresh ones. */
export async function stopPixelWorkers(): Promise<void> {
  await Promise.all(pool.map((w) => w.stop()));
}

/** Runs `op` on the least busy pixel worker thread; rejects with OpCancelled when `signal` aborts first. */
export function callOp<N extends OpName>(op: N, args: OpArgs<N>, opts: CallOptions = {}): Promise<OpResult<N>> {
  const worker = pool.reduce((best, w) => (w.busy < best.busy ? w : best));
  return worker.call(op, args, opts) as Promise<OpResult<N>>;
}
