// Final output size: the network's ×4, or a 2K / 4K long edge reached with Lanczos-3.
import sharp from 'sharp';
import type { Image8 } from '../image/types';

export type UpscaleTarget = '4x' | '2k' | '4k';

const LONG_EDGE: Record<Exclude<UpscaleTarget, '4x'>, number> = { '2k': 2048, '4k': 4096 };

/** Width and height for a target, keeping the aspect ratio (the long edge gets the exact size). */
export function targetSize(width: number, height: number, target: UpscaleTarget): { width: number; height: number } {
  if (target === '4x') return { width, height };
  const edge = LONG_EDGE[target];
  if (!edge) throw new RangeError(`target must be 4x, 2k or 4k, got ${String(target)}`);
  const k = edge / Math.max(width, height);
  return width >= height ? { width: edge, height: Math.max(1, Math.round(height * k)) } : { width: Math.max(1, Math.round(width * k)), height: edge };
}

export async function resizeToTarget(image: Image8, target: UpscaleTarget): Promise<Image8> {
  const size = targetSize(image.width, image.height, target);
  if (size.width === image.width && size.height === image.height) return image;
  const buf = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } })
    .resize(size.width, size.height, { kernel: 'lanczos3', fit: 'fill' })
    .raw()
    .toBuffer();
  return { ...size, channels: image.channels, data: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
}
