// Loads a candidate model with ONNX Runtime on CPU and checks it against its task's
// contract before anything is installed. Loading it for real (not just parsing the
// protobuf) is the point: a file that passes here is one the pipeline can open.
import * as ort from 'onnxruntime-node';
import type { RunnableSession } from '../../../native/runtime/inference-worker';
import type { ModelTask } from '../../../models/catalog-types';
import { createSession } from '../../../native/runtime/session';
import { ModelError } from './errors';
import { checkSignature, type ContractProblem, type ModelSignature } from './signature';
import { taskContracts, type ProbeRule } from './task-contracts';

export interface ModelUnderCheck {
  path: string;
  task: ModelTask;
  session: RunnableSession;
  signature: ModelSignature;
}

/**
 * A task-specific check supplied by the code that owns the task (e.g. the diffusion
 * contract in ONNX metadata). Returns the problems found; an empty list accepts the model.
 */
export type ModelContractChecker = (model: ModelUnderCheck) => ContractProblem[] | Promise<ContractProblem[]>;

export type ModelContractCheckers = Partial<Record<ModelTask, ModelContractChecker>>;

function signatureOf(session: RunnableSession): ModelSignature {
  const toSig = (m: ort.InferenceSession.ValueMetadata) =>
    m.isTensor ? { name: m.name, type: String(m.type), dims: [...m.shape] } : { name: m.name, type: 'non-tensor', dims: [] };
  return { inputs: session.inputMetadata.map(toSig), outputs: session.outputMetadata.map(toSig) };
}

async function probe(session: RunnableSession, rule: ProbeRule): Promise<ContractProblem[]> {
  const size = rule.inputDims.reduce((a, b) => a * b, 1);
  const input = new ort.Tensor('float32', new Float32Array(size), [...rule.inputDims]);
  const field = `output '${session.outputNames[0]}' size`;
  try {
    const result = await session.run({ [session.inputNames[0]]: input });
    const dims = result[session.outputNames[0]].dims;
    if (dims.join('x') !== rule.expectOutputDims.join('x')) {
      return [{ field, message: `for a [${rule.inputDims.join(', ')}] input the model returns [${dims.join(', ')}], it must return [${rule.expectOutputDims.join(', ')}]: ${rule.why}` }];
    }
    return [];
  } catch (err) {
    return [{ field, message: `running the model on a [${rule.inputDims.join(', ')}] test input failed: ${(err as Error).message.split('\n')[0]}` }];
  }
}

function problemsError(task: ModelTask, problems: ContractProblem[]): ModelError {
  const shown = problems.slice(0, 3).map((p) => p.message).join('; ');
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
  return new ModelError('CONTRACT_MISMATCH', `This is not a ${task} model Pairlight can use: ${shown}${more}. Choose a model exported for this task.`, {
    problems,
  });
}

/** Throws a ModelError saying what failed; returns the model's signature when it fits. */
export async function checkModelFile(path: string, task: ModelTask, checkers: ModelContractCheckers = {}): Promise<ModelSignature> {
  const custom = checkers[task];
  const contract = taskContracts[task];
  if (!custom && !contract) {
    throw new ModelError('TASK_UNSUPPORTED', `Pairlight has no contract check for ${task} models yet, so it cannot accept one it did not build itself.`);
  }
  let session: RunnableSession;
  try {
    ({ session } = await createSession(path, { preference: 'cpu' }));
  } catch (err) {
    const reason = (err as Error).message.replace(/^No execution provider could load the model\. (CPU failed to start: )?/, '');
    if (/protobuf parsing failed|INVALID_PROTOBUF|No graph was found/i.test(reason)) {
      throw new ModelError('NOT_ONNX', `This file is not an ONNX model (ONNX Runtime could not parse it). Choose an .onnx file made for ${task}.`, { cause: reason });
    }
    throw new ModelError('MODEL_LOAD_FAILED', `ONNX Runtime could not load this model: ${reason}. It may need a newer ONNX Runtime or use operators Pairlight does not ship.`, {
      cause: reason,
    });
  }
  try {
    const signature = signatureOf(session);
    const problems = custom
      ? await custom({ path, task, session, signature })
      : checkSignature(signature, contract!);
    if (problems.length === 0 && !custom && contract?.probe) problems.push(...(await probe(session, contract.probe)));
    if (problems.length > 0) throw problemsError(task, problems);
    return signature;
  } finally {
    await session.release().catch(() => undefined);
  }
}
