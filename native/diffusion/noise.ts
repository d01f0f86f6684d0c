// Portable seeded noise for sampling. Every Gaussian comes from native/random/prng.ts
// (xoshiro128** + Box-Muller, bit-identical across OS and CPU). Each noise tensor has its own
// stream named by what it is for, derived from the seed alone:
//   createRng(seed).fork(`${purpose}:${sampleIndex}`)     e.g. "init:0", "step:3:0"
// so batch element i gets the same noise whether it is sampled alone or in a batch of 8, and
// adding a new use of noise never shifts the values of an existing one. Values are drawn in
// NCHW order, stored as float32 (the double from Box-Muller is rounded once, the same everywhere).
import { createRng } from '../random/prng';

/** Fills out (batch × perSample values) with N(0, 1) noise for one purpose. */
export function fillNoise(out: Float32Array, seed: number, purpose: string, batch: number): void {
  const per = out.length / batch;
  if (!Number.isInteger(per)) throw new RangeError(`noise buffer of ${out.length} values cannot be split into ${batch} samples`);
  for (let n = 0; n < batch; n++) {
    createRng(seed).fork(`${purpose}:${n}`).fillGaussian(out.subarray(n * per, (n + 1) * per));
  }
}
