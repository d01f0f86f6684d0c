// Transfer functions and luminance. Light adds up in linear light, so every blend, blur
// and gain in the compositor runs on linear values; sRGB is only the file encoding.

/** IEC 61966-2-1 sRGB decoding of one value in 0..1. */
export function srgbToLinear(v: number): number {
  return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
}

export function linearToSrgb(v: number): number {
  if (v <= 0) return 0;
  if (v >= 1) return 1;
  return v <= 0.0031308 ? v * 12.92 : 1.055 * Math.pow(v, 1 / 2.4) - 0.055;
}

let decodeLut: Float32Array | null = null;
/** 8-bit sRGB code value → linear light, computed once. */
export function srgbToLinearLut(): Float32Array {
  if (!decodeLut) {
    decodeLut = new Float32Array(256);
    for (let i = 0; i < 256; i++) decodeLut[i] = srgbToLinear(i / 255);
  }
  return decodeLut;
}

/** Rec. 709 / sRGB luminance weights of linear RGB. */
export const LUMA: readonly [number, number, number] = [0.2126, 0.7152, 0.0722];

export function luminance(r: number, g: number, b: number): number {
  return LUMA[0] * r + LUMA[1] * g + LUMA[2] * b;
}
