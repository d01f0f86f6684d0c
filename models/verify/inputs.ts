// Test inputs for verification: seeded noise (portable PRNG, so every machine checks the
// same numbers) and real photos scaled to the model's input range.
import path from 'node:path';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { createRng, hashString } from '../../native/random/prng';

export interface VerifyInput {
  label: string;
  data: Float32Array;
  /** NHWC with batch 1. */
  shape: number[];
}

/** Uniform noise over the input's value range. */
export function noiseInput(shape: number[], range: [number, number], seed: number): VerifyInput {
  const rng = createRng(seed >>> 0);
  const n = shape.reduce((a, b) => a * b, 1);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = rng.range(range[0], range[1]);
  return { label: `noise(seed ${seed >>> 0})`, data, shape };
}

export function seedFor(modelId: string, k: number): number {
  return hashString(`${modelId}#${k}`);
}

const require = createRequire(import.meta.url);

/**
 * Portrait photos shipped in @vladmandic/face-api's demo folder (sample1–6.jpg, MIT-licensed
 * package); used only as realistic inputs, never redistributed.
 */
export function demoPhotoPaths(): string[] {
  const dir = path.join(path.dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');
  return [1, 2, 3, 4, 5, 6].map((i) => path.join(dir, `sample${i}.jpg`));
}

/** A photo centre-cropped and resized (bilinear) to the input size, RGB scaled to `range`. */
export async function photoInput(file: string, shape: number[], range: [number, number]): Promise<VerifyInput> {
  const [, h, w, c] = shape;
  if (c !== 3) throw new Error(`photo inputs need 3 channels, the model wants ${c}`);
  const raw = await sharp(file).removeAlpha().resize(w, h, { fit: 'cover', kernel: 'linear' }).raw().toBuffer();
  const data = new Float32Array(raw.length);
  const scale = (range[1] - range[0]) / 255;
  for (let i = 0; i < raw.length; i++) data[i] = range[0] + raw[i] * scale;
  return { label: path.basename(file), data, shape };
}
