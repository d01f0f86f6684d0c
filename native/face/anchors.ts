// BlazeFace anchor centres, in input pixels. Every anchor is a fixed point of a feature-map grid;
// the network regresses offsets from it, so anchor order must match the output rows exactly.

export interface AnchorSpec {
  inputSize: number;
  /** One entry per feature map: its stride in input pixels and how many anchors each cell has. */
  layers: { stride: number; perCell: number }[];
}

/** Short-range (128 px): 16×16 cells × 2 anchors + 8×8 cells × 6 anchors = 896. */
export const SHORT_RANGE: AnchorSpec = { inputSize: 128, layers: [{ stride: 8, perCell: 2 }, { stride: 16, perCell: 6 }] };
/** Full-range (192 px): 48×48 cells × 1 anchor = 2304. */
export const FULL_RANGE: AnchorSpec = { inputSize: 192, layers: [{ stride: 4, perCell: 1 }] };

/** Flat [x0, y0, x1, y1, …] anchor centres in input pixels, row-major per layer, layers in order. */
export function generateAnchors(spec: AnchorSpec): Float32Array {
  let count = 0;
  for (const l of spec.layers) count += Math.ceil(spec.inputSize / l.stride) ** 2 * l.perCell;
  const out = new Float32Array(count * 2);
  let k = 0;
  for (const { stride, perCell } of spec.layers) {
    const cells = Math.ceil(spec.inputSize / stride);
    for (let gy = 0; gy < cells; gy++) {
      for (let gx = 0; gx < cells; gx++) {
        for (let n = 0; n < perCell; n++) {
          out[k++] = (gx + 0.5) * stride;
          out[k++] = (gy + 0.5) * stride;
        }
      }
    }
  }
  return out;
}
