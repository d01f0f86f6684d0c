// Adapts the diffusion contract (models/diffusion/contract.ts, owned by the diffusion code)
// to the manager's checker interface: metadata must parse, and the session's real inputs and
// outputs must be the ones the metadata names.
import fs from 'node:fs/promises';
import { readOnnxMetadata } from '../../../models/convert/onnx/graph-builder';
import { checkSessionIo, ContractError, parseDiffusionContract, TEST_ONLY_KEY } from '../../../models/diffusion/contract';
import type { ModelContractChecker } from './contract-check';

export const diffusionContractChecker: ModelContractChecker = async ({ path, signature }) => {
  // ONNX Runtime for Node does not expose metadata_props, so the file is decoded once here.
  const meta = readOnnxMetadata(new Uint8Array(await fs.readFile(path)));
  try {
    const contract = parseDiffusionContract(meta);
    // Exact denoisers exist to test samplers; one must never refine a real portrait.
    if (contract.testOnly) {
      return [{ field: TEST_ONLY_KEY, message: `${TEST_ONLY_KEY} is true: this is a test-only model (an analytic denoiser from Pairlight's tests), not a trained one, so it cannot refine portraits. Add a real pixel-diffusion model (see models/DIFFUSION.md).` }];
    }
    const io = (list: typeof signature.inputs) => list.map((t) => ({ name: t.name, type: t.type, shape: t.dims }));
    checkSessionIo(contract, io(signature.inputs), io(signature.outputs));
    return [];
  } catch (err) {
    if (err instanceof ContractError) return [{ field: err.field, message: err.message }];
    throw err;
  }
};
