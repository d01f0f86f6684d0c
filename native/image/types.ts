// Pixel buffers shared by every image module. Pure data: no methods, no I/O.

/** 8-bit sRGB pixels, row-major, interleaved; channels 3 (RGB) or 4 (RGBA, straight alpha). */
export interface Image8 {
  width: number;
  height: number;
  channels: 3 | 4;
  data: Uint8Array;
}

/** Float pixels, row-major, interleaved. Colour space is stated by whoever produces it (usually linear-light RGB in 0..1). */
export interface ImageF {
  width: number;
  height: number;
  channels: number;
  data: Float32Array;
}

/** One value per pixel in 0..1 (1 = person / opaque). */
export interface Mask {
  width: number;
  height: number;
  data: Float32Array;
}
