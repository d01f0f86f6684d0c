// Import of real photo bytes in every format we accept, and each bad input's own error.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp, { type Sharp } from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../../native/image/decode';
import { ImageImportError, type ImportErrorReason } from '../../../native/image/errors';
import { SAMPLES_DIR } from '../../fixtures/face/photos';

let jpeg: Buffer;
let small: Sharp;

beforeAll(async () => {
  jpeg = readFileSync(path.join(SAMPLES_DIR, 'person-a.jpg'));
  small = sharp(jpeg).resize(200, 240);
});

async function reason(input: Uint8Array | string): Promise<ImportErrorReason> {
  try {
    await decodeImage(input);
  } catch (err) {
    expect(err).toBeInstanceOf(ImageImportError);
    expect((err as ImageImportError).message.length).toBeGreaterThan(40);
    return (err as ImageImportError).reason;
  }
  throw new Error('expected an import error');
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([Buffer.from(type), data])));
  return Buffer.concat([len, Buffer.from(type), data, crc]);
}

/** A 69-byte PNG whose header (valid CRCs) claims width × height: a decompression bomb in miniature. */
function pngBomb(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(100))), pngChunk('IEND', Buffer.alloc(0))]);
}

describe('decodeImage: formats', () => {
  it('decodes a JPEG to upright 8-bit RGB with its sha256', async () => {
    const d = await decodeImage(jpeg);
    expect(d.image.channels).toBe(3);
    expect(d.image.data.length).toBe(d.image.width * d.image.height * 3);
    expect([d.image.width, d.image.height]).toEqual([540, 660]);
    expect(d.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(d.format).toBe('jpeg');
  });

  it('applies the EXIF orientation (6: stored sideways, shown upright)', async () => {
    // Store the pixels rotated 90° anticlockwise and tag them "rotate 90° clockwise to display".
    const upright = await small.clone().jpeg({ quality: 95 }).toBuffer();
    const sideways = await sharp(upright).rotate(-90).withMetadata({ orientation: 6 }).jpeg({ quality: 95 }).toBuffer();
    const d = await decodeImage(sideways);
    expect([d.image.width, d.image.height]).toEqual([200, 240]);
    expect(d.orientation).toBe(6);
    const ref = await decodeImage(upright);
    let diff = 0;
    for (let i = 0; i < ref.image.data.length; i++) diff += Math.abs(ref.image.data[i] - d.image.data[i]);
    expect(diff / ref.image.data.length).toBeLessThan(6); // same picture, two JPEG generations apart
  });

  it('reads PNG 16-bit, PNG with alpha, greyscale, CMYK JPEG, WebP, AVIF, TIFF and the first frame of a GIF', async () => {
    const cases: [string, Buffer, 3 | 4][] = [
      ['png16', await small.clone().toColourspace('rgb16').png().toBuffer(), 3],
      ['png-alpha', await small.clone().ensureAlpha(0.5).png().toBuffer(), 4],
      ['grey', await small.clone().greyscale().jpeg().toBuffer(), 3],
      ['cmyk', await small.clone().toColourspace('cmyk').jpeg().toBuffer(), 3],
      ['webp', await small.clone().webp().toBuffer(), 3],
      ['avif', await small.clone().avif({ effort: 0 }).toBuffer(), 3],
      ['tiff', await small.clone().tiff().toBuffer(), 3],
      ['gif', await small.clone().gif().toBuffer(), 3],
    ];
    for (const [name, bytes, channels] of cases) {
      const d = await decodeImage(bytes);
      expect([name, d.image.width, d.image.height, d.image.channels]).toEqual([name, 200, 240, channels]);
      // Every format shows the same photo: mean brightness within a few levels of the JPEG's.
      let sum = 0;
      for (let i = 0; i < d.image.data.length; i += d.image.channels) sum += d.image.data[i + 1];
      expect([name, Math.abs(sum / (200 * 240) - 100) < 60]).toEqual([name, true]);
    }
  });
});

describe('decodeImage: bad input, each with its own reason', () => {
  it('empty file', async () => expect(await reason(new Uint8Array(0))).toBe('empty_file'));
  it('not an image', async () => expect(await reason(new TextEncoder().encode('hello, this is a text file\n'.repeat(20)))).toBe('not_an_image'));
  it('truncated JPEG', async () => expect(await reason(jpeg.subarray(0, Math.floor(jpeg.length / 2)))).toBe('truncated'));
  it('too small for a face', async () => expect(await reason(await small.clone().resize(60, 60).png().toBuffer())).toBe('too_small'));
  it('a 400-megapixel header is refused before any pixel is decoded', async () => {
    const t0 = performance.now();
    expect(await reason(pngBomb(20000, 20000))).toBe('too_large');
    expect(performance.now() - t0).toBeLessThan(1000);
  });
  it('HEIC gets the "convert to JPEG" message', async () => {
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic'), Buffer.alloc(64)]);
    expect(await reason(heic)).toBe('heic_unsupported');
  });
  it('missing file', async () => expect(await reason('/nonexistent/photo.jpg')).toBe('unreadable'));
});
