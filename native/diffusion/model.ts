// Loading a pixel-diffusion model: read its metadata contract, create the session through the
// shared runtime, check the session's real inputs and outputs against the contract, and wrap
// it as a Denoiser whose feeds reuse the caller's buffers (no copies per step).
import fs from 'node:fs/promises';
import * as ort from 'onnxruntime-node';
import { readOnnxMetadata } from '../../models/convert/onnx/graph-builder';
import { checkSessionIo, parseDiffusionContract, type DiffusionContract, type IoInfo } from '../../models/diffusion/contract';
import { createSession, type SessionCache, type SessionOptions } from '../runtime/session';
import type { RunnableSession } from '../runtime/inference-worker';
import type { CondFeeds, Denoiser } from './sample';

export interface LoadedDiffusionModel extends Denoiser {
  readonly provider: string;
  /** Frees the session; only for sessions not owned by a SessionCache. */
  release(): Promise<void>;
}

function ioInfo(meta: readonly ort.InferenceSession.ValueMetadata[] | undefined, names: readonly string[]): IoInfo[] {
  if (!meta || meta.length === 0) return names.map((name) => ({ name }));
  return meta.map((m) => (m.isTensor ? { name: m.name, type: m.type, shape: m.shape } : { name: m.name, type: 'non-tensor' }));
}

/** Reads and checks the contract without creating a session (for the model manager's "add" dialog). */
export async function readDiffusionContract(modelPath: string): Promise<DiffusionContract> {
  return parseDiffusionContract(readOnnxMetadata(await fs.readFile(modelPath)));
}

/** Wraps an existing session; throws ContractError if it does not match the contract. */
export function wrapSession(session: RunnableSession, contract: DiffusionContract, provider = 'cpu'): LoadedDiffusionModel {
  checkSessionIo(contract, ioInfo(session.inputMetadata, session.inputNames), ioInfo(session.outputMetadata, session.outputNames));
  const { channels: C, height: H, width: W } = contract;
  return {
    contract,
    provider,
    release: () => session.release(),
    async predict(sample: Float32Array, timestep: Float32Array, batch: number, cond: CondFeeds): Promise<Float32Array> {
      const feeds: Record<string, ort.Tensor> = {
        [contract.inputs.sample]: new ort.Tensor('float32', sample, [batch, C, H, W]),
        [contract.inputs.timestep]: new ort.Tensor('float32', timestep, [batch]),
      };
      for (const c of contract.conditioning) {
        const v = cond[c.name];
        feeds[c.name] = new ort.Tensor(c.dtype, v, [batch, ...c.shape]);
      }
      const out = await session.run(feeds, [contract.output]);
      return out[contract.output].data as Float32Array;
    },
  };
}

/** Loads a model file (through a SessionCache when given) and checks it against its contract. */
export async function loadDiffusionModel(modelPath: string, opts: { cache?: SessionCache; session?: SessionOptions } = {}): Promise<LoadedDiffusionModel> {
  const contract = await readDiffusionContract(modelPath);
  const loaded = opts.cache ? await opts.cache.get(modelPath, opts.session) : await createSession(modelPath, opts.session);
  return wrapSession(loaded.session, contract, loaded.provider);
}
