// The main-thread side of the inference worker (session-worker.ts): sessions that look like
// ONNX Runtime's to the code using them, but whose run() happens on another thread.
import { Worker } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';
import { workerExecArgv, workerScript } from './worker-script';

/** What Pairlight uses of a session; both ort.InferenceSession and WorkerSession provide it. */
export type RunnableSession = Pick<ort.InferenceSession, 'run' | 'release' | 'inputNames' | 'outputNames' | 'inputMetadata' | 'outputMetadata'>;

interface WireTensor {
  type: string;
  data: ArrayBufferView;
  dims: readonly number[];
}

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

/** The worker script (session-worker.ts imports nothing from the project: Node strips its types). */
export function workerScriptUrl(base: string | URL = import.meta.url): URL {
  return workerScript('session-worker', base);
}

export class InferenceWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;

  constructor() {
    this.worker = new Worker(workerScriptUrl(), { execArgv: workerExecArgv(process.execArgv) });
    this.worker.on('message', (msg: { id: number; ok: boolean; result?: unknown; message?: string }) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (this.pending.size === 0) this.worker.unref();
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(msg.message));
    });
    // A dead worker must not leave callers waiting forever.
    const fail = (err: Error) => {
      this.failure = err;
      for (const p of this.pending.values()) p.reject(err);
      this.pending.clear();
    };
    this.worker.on('error', (err) => fail(err));
    this.worker.on('exit', (code) => fail(new Error(`the inference worker stopped (exit code ${code})`)));
    // The worker keeps the process alive only while a call is pending: an idle worker must not
    // keep a CLI from exiting, but a process awaiting an inference must not exit under it.
    this.worker.unref();
  }

  private call<T>(message: Record<string, unknown>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.ref();
      this.worker.postMessage({ id, ...message });
    });
  }

  async createSession(model: string | Uint8Array, options: ort.InferenceSession.SessionOptions): Promise<RunnableSession> {
    const info = await this.call<{ session: number; inputNames: string[]; outputNames: string[]; inputMetadata: unknown[]; outputMetadata: unknown[] }>({ op: 'create', model, options });
    const call = this.call.bind(this);
    const session: RunnableSession = {
      inputNames: info.inputNames,
      outputNames: info.outputNames,
      inputMetadata: info.inputMetadata as RunnableSession['inputMetadata'],
      outputMetadata: info.outputMetadata as RunnableSession['outputMetadata'],
      async run(feeds: Record<string, ort.Tensor>, fetchesOrOptions?: unknown) {
        const wire: Record<string, WireTensor> = {};
        for (const [name, t] of Object.entries(feeds)) wire[name] = { type: t.type, data: t.data as ArrayBufferView, dims: t.dims };
        const fetches = Array.isArray(fetchesOrOptions) ? (fetchesOrOptions as string[]) : undefined;
        const out = await call<Record<string, WireTensor>>({ op: 'run', session: info.session, feeds: wire, fetches });
        const result: Record<string, ort.Tensor> = {};
        for (const [name, t] of Object.entries(out)) result[name] = new ort.Tensor(t.type as 'float32', t.data as Float32Array, t.dims);
        return result;
      },
      async release() {
        await call({ op: 'release', session: info.session });
      },
    } as RunnableSession;
    return session;
  }

  async terminate(): Promise<void> {
    for (const p of this.pending.values()) p.reject(new Error('the inference worker was closed'));
    this.pending.clear();
    await this.worker.terminate();
  }
}
