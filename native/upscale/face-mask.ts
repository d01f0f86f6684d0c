// A face mask for detail restoration when only face boxes are known (e.g. the CLI, which
// runs the detector but has no matte): an ellipse inscribed in each box, grown a little
// so cheeks and forehead at the box edge are included. The upscaler feathers its edge.
import type { Mask } from '../image/types';

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** 1.15: detector boxes end at the cheekbones and hairline; measured by eye on the demo portraits. */
const GROW = 1.15;

export function faceMaskFromBoxes(width: number, height: number, boxes: readonly FaceBox[], grow = GROW): Mask {
  const data = new Float32Array(width * height);
  for (const b of boxes) {
    if (!(b.width > 0 && b.height > 0)) throw new RangeError(`face box must have a positive size, got ${b.width}×${b.height}`);
    const cx = b.x + b.width / 2;
    const cy = b.y + b.height / 2;
    const rx = (b.width * grow) / 2;
    const ry = (b.height * grow) / 2;
    const y0 = Math.max(0, Math.floor(cy - ry));
    const y1 = Math.min(height - 1, Math.ceil(cy + ry));
    const x0 = Math.max(0, Math.floor(cx - rx));
    const x1 = Math.min(width - 1, Math.ceil(cx + rx));
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        if (((x + 0.5 - cx) / rx) ** 2 + ((y + 0.5 - cy) / ry) ** 2 <= 1) data[y * width + x] = 1;
      }
    }
  }
  return { width, height, data };
}
