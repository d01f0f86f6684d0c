// How much fine skin detail an upscale keeps, as one number. Measured where the texture
// lives: the output is box-averaged back onto the input grid, high-passed at 1 input pixel,
// and the energy is taken per 4×4-input-pixel block inside the face. The median block
// stands for skin: eyes, lips and hair edges are a minority of blocks, and their large
// (and, for Real-ESRGAN, sharpened) edge energy would otherwise swamp the texture.
import type { Image8, Mask } from '../image/types';
import { gaussianBlur } from './detail';

const BLOCK = 4;
const HIGH_PASS_SIGMA = 1;

/** Median block energy of the fine-detail band of `image` (an upscale by `scale` of an input the size of `faceMask`). */
export function fineDetailEnergy(image: Image8, faceMask: Mask, scale: number): number {
  const w = faceMask.width;
  const h = faceMask.height;
  if (image.width !== w * scale || image.height !== h * scale) {
    throw new RangeError(`image is ${image.width}×${image.height}, expected ${w * scale}×${h * scale} for a ×${scale} upscale of the mask's size`);
  }
  const ch = image.channels;
  const down = new Float32Array(w * h);
  const inv = 1 / (scale * scale * 255);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let acc = 0;
      for (let j = 0; j < scale; j++) {
        for (let i = 0; i < scale; i++) {
          const p = ((y * scale + j) * image.width + x * scale + i) * ch;
          acc += 0.299 * image.data[p] + 0.587 * image.data[p + 1] + 0.114 * image.data[p + 2];
        }
      }
      down[y * w + x] = acc * inv;
    }
  }
  const low = gaussianBlur(down, w, h, HIGH_PASS_SIGMA);
  const energies: number[] = [];
  for (let by = 0; by + BLOCK <= h; by += BLOCK) {
    for (let bx = 0; bx + BLOCK <= w; bx += BLOCK) {
      if (faceMask.data[(by + BLOCK / 2) * w + bx + BLOCK / 2] < 0.5) continue;
      let e = 0;
      for (let y = by; y < by + BLOCK; y++) for (let x = bx; x < bx + BLOCK; x++) e += (down[y * w + x] - low[y * w + x]) ** 2;
      energies.push(e / (BLOCK * BLOCK));
    }
  }
  if (energies.length === 0) throw new RangeError('the face mask covers no whole 4×4 block');
  energies.sort((a, b) => a - b);
  return energies[energies.length >> 1];
}
