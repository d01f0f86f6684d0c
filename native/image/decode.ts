// Turns the bytes of any photo a user drops in into upright 8-bit sRGB pixels, or a specific
// ImageImportError. The pixel count is checked from the header before any pixel is decoded.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import sharp, { type Metadata, type OutputInfo } from 'sharp';
import type { Image8 } from './types';
import { ImageImportError } from './errors';

/** 100 MP: larger photos are refused before decoding (a 100 MP RGBA buffer is already 400 MB). */
export const MAX_PIXELS = 100_000_000;
/** Shortest side below which no face can have the ~40 px between the eyes the models need. */
export const MIN_SIDE = 96;
/** Files larger than this are refused before being read (a 100 MP TIFF at 16 bits is ~600 MB). */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export interface DecodedPhoto {
  image: Image8;
  /** sha256 of the original bytes, hex: the photo's identity for de-duplication and re-analysis. */
  sha256: string;
  /** Container format as sharp names it: jpeg, png, webp, gif, tiff, heif, avif… */
  format: string;
  /** EXIF orientation that was applied (1 = none). */
  orientation: number;
  /** Colour space of the file before conversion (srgb, cmyk, b-w, …) and whether it had an ICC profile. */
  sourceSpace: string;
  hadProfile: boolean;
  bytes: number;
}

export interface DecodeOptions {
  maxPixels?: number;
  minSide?: number;
}

function isHeifBrand(bytes: Uint8Array): boolean {
  if (bytes.length < 12) return false;
  const box = String.fromCharCode(...bytes.subarray(4, 8));
  if (box !== 'ftyp') return false;
  const brand = String.fromCharCode(...bytes.subarray(8, 12));
  return ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'].includes(brand);
}

const TRUNCATED = /premature end|truncat|unexpected end|corrupt|bad huffman|not enough|end of (file|stream)|read error|invalid .*(data|stream)|incomplete|short read|out of data/i;

async function loadBytes(input: Uint8Array | string): Promise<Uint8Array> {
  if (typeof input !== 'string') return input;
  let size: number;
  try {
    size = (await stat(input)).size;
  } catch (err) {
    throw new ImageImportError('unreadable', `Pairlight could not open "${input}": ${(err as NodeJS.ErrnoException).code ?? 'read error'}. Check that the file exists and that you may read it.`, { path: input });
  }
  if (size > MAX_FILE_BYTES) {
    throw new ImageImportError('too_large', `This file is ${(size / 2 ** 30).toFixed(1)} GB, too large to be a photo Pairlight can use. Export a JPEG of at most 100 megapixels and import that.`, { bytes: size });
  }
  return new Uint8Array(await readFile(input));
}

/** Decodes, rotates upright by EXIF, converts to sRGB 8-bit (RGB, or RGBA when the file has alpha). */
export async function decodeImage(input: Uint8Array | string, opts: DecodeOptions = {}): Promise<DecodedPhoto> {
  const maxPixels = opts.maxPixels ?? MAX_PIXELS;
  const minSide = opts.minSide ?? MIN_SIDE;
  const bytes = await loadBytes(input);
  if (bytes.length === 0) {
    throw new ImageImportError('empty_file', 'This file is empty (0 bytes), so there is no photo in it. It may not have finished copying or downloading; try the original again.');
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const heif = isHeifBrand(bytes);

  let meta: Metadata;
  try {
    // limitInputPixels: false here because we want to read the header of a huge file and say so,
    // not let sharp reject it with a generic message; pixels are never decoded in this call.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (err) {
    if (heif) throw heicError();
    const msg = (err as Error).message;
    if (TRUNCATED.test(msg)) throw truncatedError(msg);
    throw new ImageImportError('not_an_image', 'This file is not a photo Pairlight can read. Use a JPEG, PNG, WebP, AVIF, TIFF or GIF file.', { cause: msg });
  }
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  if (!width || !height) {
    throw new ImageImportError('not_an_image', 'This file has no picture size in it, so it is not a photo Pairlight can read. Use a JPEG, PNG, WebP, AVIF, TIFF or GIF file.');
  }
  if (width * height > maxPixels) {
    throw new ImageImportError(
      'too_large',
      `This photo is ${((width * height) / 1e6).toFixed(0)} megapixels (${width} × ${height}); Pairlight accepts up to ${(maxPixels / 1e6).toFixed(0)}. Resize it to at most ${(maxPixels / 1e6).toFixed(0)} megapixels and import it again.`,
      { width, height },
    );
  }
  if (Math.min(width, height) < minSide) {
    throw new ImageImportError(
      'too_small',
      `This photo is only ${width} × ${height} pixels, too small to show a face in enough detail. Use a photo at least ${minSide} pixels on each side (ideally 1000 or more).`,
      { width, height },
    );
  }

  const hasAlpha = !!meta.hasAlpha;
  let raw: { data: Buffer; info: OutputInfo };
  try {
    let pipeline = sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error', pages: 1, page: 0 })
      .autoOrient()
      .toColourspace('srgb');
    pipeline = hasAlpha ? pipeline.ensureAlpha() : pipeline.removeAlpha();
    raw = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  } catch (err) {
    if (heif) throw heicError();
    const msg = (err as Error).message;
    if (TRUNCATED.test(msg) || meta.format) throw truncatedError(msg);
    throw new ImageImportError('not_an_image', 'This file is not a photo Pairlight can read. Use a JPEG, PNG, WebP, AVIF, TIFF or GIF file.', { cause: msg });
  }
  const channels = raw.info.channels;
  if (channels !== 3 && channels !== 4) throw truncatedError(`unexpected channel count ${channels}`);
  return {
    image: { width: raw.info.width, height: raw.info.height, channels, data: new Uint8Array(raw.data.buffer, raw.data.byteOffset, raw.data.byteLength) },
    sha256,
    format: meta.format ?? 'unknown',
    orientation: meta.orientation ?? 1,
    sourceSpace: meta.space ?? 'unknown',
    hadProfile: !!meta.hasProfile,
    bytes: bytes.length,
  };
}

function heicError(): ImageImportError {
  return new ImageImportError(
    'heic_unsupported',
    'This is a HEIC photo (the iPhone default), and this computer has no HEIC decoder Pairlight can use. Convert it to JPEG (on iPhone: Settings › Camera › Formats › Most Compatible, or export as JPEG from Photos) and import the JPEG.',
  );
}

function truncatedError(cause: string): ImageImportError {
  return new ImageImportError(
    'truncated',
    'This photo file is damaged or incomplete: it ends before the picture does. Copy or download the original again and import the new copy.',
    { cause },
  );
}
