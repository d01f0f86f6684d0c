// Runs a converted ONNX model and its tfjs reference on the same inputs and reports the
// worst absolute difference and the spread of the reference outputs.
import * as ort from 'onnxruntime-node';
import { createSession } from '../../native/runtime/session';
import type { TfjsReference } from './tfjs-reference';
import type { VerifyInput } from './inputs';

export interface OutputDiff {
  output: string;
  maxAbsError: number;
  min: number;
  max: number;
}

export interface ComparisonReport {
  maxAbsError: number;
  /** max − min of the reference over all outputs and inputs. */
  outputRange: number;
  perOutput: OutputDiff[];
  inputs: string[];
}

export async function compareWithReference(
  onnxPath: string,
  inputName: string,
  outputNames: string[],
  reference: TfjsReference,
  inputs: VerifyInput[],
): Promise<ComparisonReport> {
  const { session } = await createSession(onnxPath, { preference: 'cpu' });
  try {
    const per = outputNames.map((output) => ({ output, maxAbsError: 0, min: Infinity, max: -Infinity }));
    for (const input of inputs) {
      const got = await session.run({ [inputName]: new ort.Tensor('float32', input.data, input.shape) });
      const want = await reference.run(input.data, input.shape);
      outputNames.forEach((name, i) => {
        const g = got[name]?.data as Float32Array | undefined;
        if (!g) throw new Error(`${onnxPath}: the ONNX model has no output named ${name}`);
        const w = want[i];
        if (g.length !== w.length) throw new Error(`${onnxPath}: output ${name} has ${g.length} values, the reference ${w.length}`);
        const d = per[i];
        for (let k = 0; k < w.length; k++) {
          const diff = Math.abs(g[k] - w[k]);
          // NaN must fail loudly rather than vanish in Math.max.
          d.maxAbsError = Number.isNaN(diff) ? Infinity : Math.max(d.maxAbsError, diff);
          if (w[k] < d.min) d.min = w[k];
          if (w[k] > d.max) d.max = w[k];
        }
      });
    }
    const min = Math.min(...per.map((p) => p.min));
    const max = Math.max(...per.map((p) => p.max));
    return {
      maxAbsError: Math.max(...per.map((p) => p.maxAbsError)),
      outputRange: max - min,
      perOutput: per,
      inputs: inputs.map((i) => i.label),
    };
  } finally {
    await session.release();
  }
}
