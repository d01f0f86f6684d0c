// TF padding modes as explicit ONNX pads, computed from the static spatial sizes so the
// converted graph needs no auto_pad (SAME in TF puts the odd pixel at the end: SAME_UPPER).
import type { AttrReader } from '../attrs';

export interface SpatialPlan {
  /** ONNX order: [top, left, bottom, right]. */
  pads: number[];
  out: [number, number];
}

export function planWindow(
  at: AttrReader,
  inHW: [number, number],
  kernel: [number, number],
  strides: [number, number],
  dilations: [number, number],
  where: string,
): SpatialPlan {
  const mode = at.string('padding');
  if (inHW.some((d) => d < 0)) throw new Error(`${where}: spatial size must be known at conversion time, got [${inHW}]`);
  const eff = [0, 1].map((i) => (kernel[i] - 1) * dilations[i] + 1);
  if (mode === 'VALID') {
    const out = [0, 1].map((i) => Math.floor((inHW[i] - eff[i]) / strides[i]) + 1) as [number, number];
    return { pads: [0, 0, 0, 0], out };
  }
  if (mode === 'SAME') {
    const out = [0, 1].map((i) => Math.ceil(inHW[i] / strides[i])) as [number, number];
    const total = [0, 1].map((i) => Math.max((out[i] - 1) * strides[i] + eff[i] - inHW[i], 0));
    const before = total.map((t) => Math.floor(t / 2));
    return { pads: [before[0], before[1], total[0] - before[0], total[1] - before[1]], out };
  }
  if (mode === 'EXPLICIT') {
    const e = at.ints('explicit_paddings');
    if (e.length !== 8) throw new Error(`${where}: explicit_paddings must hold 8 values, got ${e.length}`);
    const pads = [e[2], e[4], e[3], e[5]];
    const out = [0, 1].map((i) => Math.floor((inHW[i] + pads[i] + pads[i + 2] - eff[i]) / strides[i]) + 1) as [number, number];
    return { pads, out };
  }
  throw new Error(`${where}: padding ${mode} is not supported (SAME, VALID or EXPLICIT)`);
}

/** [1, a, b, 1] → [a, b], checking the batch and channel entries are 1 as TF requires. */
export function spatialPair(values: number[], key: string, where: string): [number, number] {
  if (values.length !== 4 || values[0] !== 1 || values[3] !== 1) {
    throw new Error(`${where}: ${key} [${values}] must look like [1, h, w, 1]`);
  }
  return [values[1], values[2]];
}
