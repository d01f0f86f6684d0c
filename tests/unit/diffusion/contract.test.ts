// The model contract: parsing, refusals that name the field, and the session I/O check.
import { describe, expect, it } from 'vitest';
import { attr, OnnxGraphBuilder, readOnnxMetadata } from '../../../models/convert/onnx/graph-builder';
import { contractToMetadata, ContractError, parseDiffusionContract } from '../../../models/diffusion/contract';
import { buildExactDenoiser, exactDenoiserContract } from '../../../models/diffusion/exact-denoiser';
import { wrapSession } from '../../../native/diffusion/model';
import { createSession } from '../../../native/runtime/session';
import { SCHEDULES } from './helpers';

const spec = { means: [new Float32Array(48)], std: 0.5, channels: 3, height: 4, width: 4, prediction: 'eps' as const, schedule: SCHEDULES.ddpmLinear, conditional: true };
const good = () => contractToMetadata(exactDenoiserContract(spec));

function refusal(meta: Record<string, string>): ContractError {
  try {
    parseDiffusionContract(meta);
  } catch (e) {
    if (e instanceof ContractError) return e;
    throw e;
  }
  throw new Error('the contract was accepted');
}

describe('diffusion contract metadata', () => {
  it('an exact denoiser carries a contract that parses back to itself, marked test-only', () => {
    const parsed = parseDiffusionContract(readOnnxMetadata(buildExactDenoiser(spec)));
    expect(parsed).toEqual(exactDenoiserContract(spec));
    expect(parsed.testOnly).toBe(true);
    expect(parsed.conditioning).toEqual([{ name: 'class_labels', kind: 'class', dtype: 'int64', shape: [], uncond: 1 }]);
  });

  it.each([
    ['pairlight.diffusion.prediction', 'score', /pairlight\.diffusion\.prediction .*score/],
    ['pairlight.diffusion.prediction', undefined, /pairlight\.diffusion\.prediction is missing/],
    ['pairlight.diffusion.schedule.beta_end', '1.5', /pairlight\.diffusion\.schedule\.beta_end/],
    ['pairlight.diffusion.schedule.train_steps', 'many', /pairlight\.diffusion\.schedule\.train_steps must be a positive whole number/],
    ['pairlight.diffusion.resolution', '256', /pairlight\.diffusion\.resolution must look like 256x256/],
    ['pairlight.diffusion.layout', 'NHWC', /pairlight\.diffusion\.layout/],
    ['pairlight.diffusion.value_range', '1,-1', /pairlight\.diffusion\.value_range must have its high end/],
    ['pairlight.diffusion.conditioning', '[{"name":"c"}]', /pairlight\.diffusion\.conditioning/],
    ['pairlight.diffusion.conditioning', 'not json', /pairlight\.diffusion\.conditioning must be JSON/],
    ['pairlight.diffusion.recommended_sampler', 'heun', /pairlight\.diffusion\.recommended_sampler/],
    ['pairlight.diffusion.version', undefined, /pairlight\.diffusion\.version is missing/],
  ])('refuses %s = %s naming the field', (key, value, message) => {
    const meta = good();
    if (value === undefined) delete meta[key];
    else meta[key] = value;
    const err = refusal(meta);
    expect(err.field).toBe(key);
    expect(err.message).toMatch(message);
  });

  it('refuses predictions that do not fit the schedule', () => {
    const meta = { ...good(), 'pairlight.diffusion.prediction': 'flow' };
    expect(refusal(meta).message).toMatch(/"flow" cannot be used with the "ddpm" schedule/);
    const edm = contractToMetadata({ ...exactDenoiserContract(spec), prediction: 'v', schedule: SCHEDULES.edm });
    expect(refusal(edm).message).toMatch(/"v" needs a variance-preserving/);
  });
});

describe('session I/O check', () => {
  const contract = exactDenoiserContract(spec);

  it('accepts the exact denoiser it describes', async () => {
    const { session } = await createSession(buildExactDenoiser(spec), { preference: 'cpu' });
    expect(() => wrapSession(session, contract)).not.toThrow();
  });

  /** A model with the given inputs, forwarding `sample` to `prediction`. */
  async function fake(inputs: [string, (number | string)[], 'float' | 'int64'][], outDims: (number | string)[] = inputs[0][1]) {
    const g = new OnnxGraphBuilder('fake');
    for (const [name, dims, type] of inputs) g.input(name, dims, type);
    const oneChannel = outDims[1] === 1;
    g.node(oneChannel ? 'ReduceMean' : 'Identity', [inputs[0][0]], ['prediction'], oneChannel ? { axes: attr.ints([1]) } : undefined);
    g.output('prediction', outDims);
    return (await createSession(g.toBytes(), { preference: 'cpu' })).session;
  }

  it.each([
    ['a renamed sample input', [['image', ['batch', 3, 4, 4], 'float'], ['timestep', ['batch'], 'float'], ['class_labels', ['batch'], 'int64']], /input\.sample names input "sample" but the model's inputs are "image"/],
    ['a wrong resolution', [['sample', ['batch', 3, 8, 8], 'float'], ['timestep', ['batch'], 'float'], ['class_labels', ['batch'], 'int64']], /input\.sample \("sample"\) dimension 2 is 8 but the contract needs 4/],
    ['an int timestep', [['sample', ['batch', 3, 4, 4], 'float'], ['timestep', ['batch'], 'int64'], ['class_labels', ['batch'], 'int64']], /input\.timestep input "timestep" must be float32/],
    ['a float class input', [['sample', ['batch', 3, 4, 4], 'float'], ['timestep', ['batch'], 'float'], ['class_labels', ['batch'], 'float']], /conditioning input "class_labels" is float32 but the contract says int64/],
    ['an undeclared input', [['sample', ['batch', 3, 4, 4], 'float'], ['timestep', ['batch'], 'float'], ['class_labels', ['batch'], 'int64'], ['mask', ['batch', 1, 4, 4], 'float']], /does not describe the model's input\(s\) "mask"/],
  ] as const)('refuses %s', async (_, inputs, message) => {
    const session = await fake(inputs.map(([n, d, t]) => [n, [...d], t]));
    expect(() => wrapSession(session, contract)).toThrow(message);
  });

  it('refuses an output of the wrong channel count', async () => {
    const session = await fake([['sample', ['batch', 3, 4, 4], 'float'], ['timestep', ['batch'], 'float'], ['class_labels', ['batch'], 'int64']], ['batch', 1, 4, 4]);
    expect(() => wrapSession(session, contract)).toThrow(/output \("prediction"\) dimension 1 is 1 but the contract needs 3/);
  });
});
