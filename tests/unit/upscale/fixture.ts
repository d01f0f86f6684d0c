// Shared by the upscale tests: the real x4fast model converted into a temp folder, and
// small crops of a real portrait.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { esrganRecipes } from '../../../models/recipes/esrgan';
import type { Image8 } from '../../../native/image/types';

export const PORTRAIT = path.resolve('node_modules/@vladmandic/face-api/demo/sample1.jpg');

/** Converts realesrgan-x4fast into `dir` and returns the file path. */
export async function buildX4fast(dir: string): Promise<string> {
  const recipe = esrganRecipes.find((r) => r.id === 'realesrgan-x4fast')!;
  const file = path.join(dir, 'realesrgan-x4fast.onnx');
  fs.writeFileSync(file, await recipe.convert());
  return file;
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'pairlight-upscale-'));
}

/** A crop of the right-hand face in sample1.jpg (native pixels unless `size` resizes it). */
export async function portraitCrop(region: { left: number; top: number; width: number; height: number }, size?: { width: number; height: number }): Promise<Image8> {
  let s = sharp(PORTRAIT).extract(region);
  if (size) s = s.resize(size.width, size.height, { kernel: 'lanczos3' });
  const { data, info } = await s.removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: 3, data: new Uint8Array(data) };
}
