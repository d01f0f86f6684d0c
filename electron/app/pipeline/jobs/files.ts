// Intermediate images between job steps are plain PNGs (lossless, so a resumed step reads
// exactly the pixels the previous one wrote), at deterministic names under the generation's folder.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Image8 } from '../../../../native/image/types';
import { PairlightError } from '../../errors';

export const generationDir = (generationId: string): string => `outputs/${generationId}`;

export async function readPngImage(workDir: string, relPath: string): Promise<Image8> {
  const bytes = await readFile(join(workDir, relPath)).catch(() => {
    throw new PairlightError('NOT_FOUND', `The image file ${relPath} is missing from the project folder. Make the image again (or restore it if you deleted it).`);
  });
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: 3, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
}

export function encodePlainPng(image: Image8): Promise<Buffer> {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } }).png({ compressionLevel: 3 }).toBuffer();
}
