// He et al.'s guided filter with a grey guide: the upsampled (blurry) person mask takes the edges
// of the photo itself, so hair strands and shoulder outlines follow the real contours.
import { boxMean } from '../image/blur';

export interface GuidedCoefficients {
  width: number;
  height: number;
  /** Per-pixel linear model q = a·I + b, already averaged over each window. */
  a: Float32Array;
  b: Float32Array;
}

/**
 * guide and input are width × height, guide in 0..1. r: window radius in pixels; eps: variance
 * below which the guide counts as flat there (the mask is then only smoothed, not sharpened).
 */
export function guidedCoefficients(guide: Float32Array, input: Float32Array, width: number, height: number, r: number, eps: number): GuidedCoefficients {
  const n = width * height;
  const meanI = boxMean(guide, width, height, r);
  const meanP = boxMean(input, width, height, r);
  const tmp = new Float32Array(n);
  for (let i = 0; i < n; i++) tmp[i] = guide[i] * guide[i];
  const corrII = boxMean(tmp, width, height, r);
  for (let i = 0; i < n; i++) tmp[i] = guide[i] * input[i];
  const corrIP = boxMean(tmp, width, height, r);
  for (let i = 0; i < n; i++) {
    const varI = corrII[i] - meanI[i] * meanI[i];
    const covIP = corrIP[i] - meanI[i] * meanP[i];
    const a = covIP / (varI + eps);
    corrII[i] = a;
    corrIP[i] = meanP[i] - a * meanI[i];
  }
  return { width, height, a: boxMean(corrII, width, height, r, meanI), b: boxMean(corrIP, width, height, r, meanP) };
}

export function guidedFilter(guide: Float32Array, input: Float32Array, width: number, height: number, r: number, eps: number): Float32Array {
  const { a, b } = guidedCoefficients(guide, input, width, height, r, eps);
  const out = new Float32Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = Math.min(1, Math.max(0, a[i] * guide[i] + b[i]));
  return out;
}
