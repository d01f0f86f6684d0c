// Where a photo's files live in its project folder, all named by the photo's sha256 so a re-run
// (re-import, re-analysis, a resumed job) overwrites the same names instead of adding new ones.
import sharp from 'sharp';
import type { Point3 } from '../../../../native/face';
import type { Image8, Mask } from '../../../../native/image/types';

export const photoPaths = {
  original: (sha: string, ext: string) => `originals/${sha}${ext}`,
  upright: (sha: string) => `photos/${sha}.png`,
  mesh: (sha: string, faceIndex: number) => `analysis/${sha}/face-${faceIndex}.mesh.json`,
  matte: (sha: string) => `analysis/${sha}/matte.png`,
};

export async function encodeUpright(image: Image8): Promise<Buffer> {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } }).png({ compressionLevel: 6 }).toBuffer();
}

/** 8 bits are plenty for a matte: its edge is already feathered over several pixels. */
export async function encodeMatte(matte: Mask): Promise<Buffer> {
  const grey = new Uint8Array(matte.width * matte.height);
  for (let i = 0; i < grey.length; i++) grey[i] = Math.round(Math.min(1, Math.max(0, matte.data[i])) * 255);
  return sharp(grey, { raw: { width: matte.width, height: matte.height, channels: 1 } }).png({ compressionLevel: 6 }).toBuffer();
}

export async function decodeMatte(file: string): Promise<Mask> {
  const { data, info } = await sharp(file).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  const out = new Float32Array(info.width * info.height);
  for (let i = 0; i < out.length; i++) out[i] = data[i * info.channels] / 255;
  return { width: info.width, height: info.height, data: out };
}

export const encodeMesh = (points: readonly Point3[]): string => JSON.stringify(points.map((p) => p.map((v) => Math.round(v * 1000) / 1000)));

export async function encodeJpeg(image: Image8, quality = 85): Promise<Buffer> {
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } }).jpeg({ quality }).toBuffer();
}
