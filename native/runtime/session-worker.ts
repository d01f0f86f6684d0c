// Runs ONNX Runtime sessions on a worker thread. onnxruntime-node's run() holds the calling
// thread for the whole inference (measured: a 634 ms Real-ESRGAN tile produced no event-loop
// tick), so the app's main thread hands every run to this worker and stays responsive.
// Loaded by Node directly (type stripping), so it uses erasable TypeScript only and imports
// nothing from the project.
import { parentPort } from 'node:worker_threads';
import * as ort from 'onnxruntime-node';

interface WireTensor {
  type: string;
  data: ArrayBufferView;
  dims: readonly number[];
}

type Request =
  | { id: number; op: 'create'; model: string | Uint8Array; options: ort.InferenceSession.SessionOptions }
  | { id: number; op: 'run'; session: number; feeds: Record<string, WireTensor>; fetches?: string[] }
  | { id: number; op: 'release'; session: number };

const sessions = new Map<number, ort.InferenceSession>();
let nextSession = 1;

async function handle(req: Request): Promise<{ result: unknown; transfer: ArrayBuffer[] }> {
  if (req.op === 'create') {
    const session = typeof req.model === 'string' ? await ort.InferenceSession.create(req.model, req.options) : await ort.InferenceSession.create(req.model, req.options);
    const id = nextSession++;
    sessions.set(id, session);
    const meta = (list: readonly unknown[]) => JSON.parse(JSON.stringify(list)) as unknown[];
    return {
      result: { session: id, inputNames: session.inputNames, outputNames: session.outputNames, inputMetadata: meta(session.inputMetadata ?? []), outputMetadata: meta(session.outputMetadata ?? []) },
      transfer: [],
    };
  }
  const session = sessions.get(req.session);
  if (!session) throw new Error(`session ${req.session} is not open in the inference worker`);
  if (req.op === 'release') {
    sessions.delete(req.session);
    await session.release();
    return { result: null, transfer: [] };
  }
  const feeds: Record<string, ort.Tensor> = {};
  for (const [name, t] of Object.entries(req.feeds)) feeds[name] = new ort.Tensor(t.type as 'float32', t.data as Float32Array, t.dims);
  const out = req.fetches ? await session.run(feeds, req.fetches) : await session.run(feeds);
  const outputs: Record<string, WireTensor> = {};
  const transfer: ArrayBuffer[] = [];
  for (const [name, t] of Object.entries(out)) {
    // A copy, because ORT may own the output's memory (such buffers cannot be transferred).
    const data = (t.data as Float32Array).slice();
    outputs[name] = { type: t.type, data, dims: t.dims };
    transfer.push(data.buffer as ArrayBuffer);
  }
  return { result: outputs, transfer };
}

parentPort?.on('message', (req: Request) => {
  handle(req).then(
    ({ result, transfer }) => parentPort!.postMessage({ id: req.id, ok: true, result }, transfer),
    (err: unknown) => parentPort!.postMessage({ id: req.id, ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
});
