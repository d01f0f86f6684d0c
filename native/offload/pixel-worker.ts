// The pixel worker thread (started by client.ts): runs the ops of ops.ts off the app's main
// thread. Measured before it existed: a 4-draft generation with a 2K upscale held the main event
// loop 36 times for over 50 ms, up to 1.4 s (each draft ~0.7 s, each face tile's detail
// restoration ~0.6 s), stalling IPC, job progress and the media files the gallery loads.
import { parentPort } from 'node:worker_threads';
import { OPS, OpCancelled, type OpContext, type OpName } from './ops';

export type WorkerRequest = { id: number; op: OpName; args: unknown } | { id: number; op: 'cancel' };

export type WorkerReply =
  | { id: number; kind: 'item'; value: unknown }
  | { id: number; kind: 'result'; value: unknown }
  | { id: number; kind: 'cancelled' }
  | { id: number; kind: 'error'; message: string; name?: string; stack?: string };

const port = parentPort;
if (!port) throw new Error('native/offload/pixel-worker.ts runs as a worker thread (see client.ts)');

const running = new Set<number>();
const cancelled = new Set<number>();

async function run(id: number, op: OpName, args: unknown): Promise<void> {
  running.add(id);
  const resultBuffers: ArrayBuffer[] = [];
  const ctx: OpContext = {
    cancelled: () => cancelled.has(id),
    emit: (value, transfer = []) => port!.postMessage({ id, kind: 'item', value } satisfies WorkerReply, transfer),
    yieldTurn: () => new Promise((resolve) => setImmediate(resolve)),
    transferOnReturn: (buffer) => resultBuffers.push(buffer),
  };
  try {
    const value = await (OPS[op] as (a: unknown, c: OpContext) => Promise<unknown>)(args, ctx);
    port!.postMessage({ id, kind: 'result', value } satisfies WorkerReply, resultBuffers);
  } catch (error) {
    if (error instanceof OpCancelled) port!.postMessage({ id, kind: 'cancelled' } satisfies WorkerReply);
    else if (error instanceof Error) port!.postMessage({ id, kind: 'error', message: error.message, name: error.name, stack: error.stack } satisfies WorkerReply);
    else port!.postMessage({ id, kind: 'error', message: String(error) } satisfies WorkerReply);
  } finally {
    running.delete(id);
    cancelled.delete(id);
  }
}

port.on('message', (msg: WorkerRequest) => {
  // A cancel that arrives after its op finished has nothing left to stop.
  if (msg.op === 'cancel') {
    if (running.has(msg.id)) cancelled.add(msg.id);
  } else if (!Object.hasOwn(OPS, msg.op)) port!.postMessage({ id: msg.id, kind: 'error', message: `no op called ${String(msg.op)}` } satisfies WorkerReply);
  else void run(msg.id, msg.op, msg.args);
});
