// Reads and writes PNG iTXt chunks, so every output PNG carries its full recipe.
// Written by hand (rather than through sharp) because sharp exposes no text-chunk API,
// and an iTXt chunk is a few bytes of framing around UTF-8 text.

const PNG_SIGNATURE = Uint8Array.from([137, 80, 78, 71, 13, 10, 26, 10]);

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as PNG defines it (ISO 3309), over the chunk type and data. */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export class PngFormatError extends Error {
  readonly code = 'PNG_INVALID';
}

interface Chunk {
  type: string;
  /** Offset of the length field. */
  offset: number;
  dataStart: number;
  dataEnd: number;
}

function* chunks(png: Uint8Array): Generator<Chunk> {
  for (let i = 0; i < 8; i++) if (png[i] !== PNG_SIGNATURE[i]) throw new PngFormatError('not a PNG file (bad signature)');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let p = 8;
  while (p + 12 <= png.length) {
    const len = view.getUint32(p);
    const type = String.fromCharCode(png[p + 4], png[p + 5], png[p + 6], png[p + 7]);
    const dataStart = p + 8;
    const dataEnd = dataStart + len;
    if (dataEnd + 4 > png.length) throw new PngFormatError(`PNG chunk ${type} runs past the end of the file (truncated?)`);
    yield { type, offset: p, dataStart, dataEnd };
    if (type === 'IEND') return;
    p = dataEnd + 4;
  }
  throw new PngFormatError('PNG has no IEND chunk (truncated?)');
}

function itxtChunk(keyword: string, text: string): Uint8Array {
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword)) throw new RangeError('PNG keyword must be 1–79 printable Latin-1 characters');
  const enc = new TextEncoder();
  const key = enc.encode(keyword);
  const body = enc.encode(text);
  // keyword \0, compression flag 0, method 0, empty language tag \0, empty translated keyword \0, text
  const data = new Uint8Array(key.length + 5 + body.length);
  data.set(key, 0);
  data.set(body, key.length + 5);
  const chunk = new Uint8Array(12 + data.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length);
  chunk.set(enc.encode('iTXt'), 4);
  chunk.set(data, 8);
  view.setUint32(8 + data.length, crc32(chunk, 4, 8 + data.length));
  return chunk;
}

/** Returns a copy of the PNG with iTXt chunks for each entry inserted after IHDR (existing ones with the same keyword are replaced). */
export function withPngText(png: Uint8Array, entries: Record<string, string>): Uint8Array {
  const parts: Uint8Array[] = [png.subarray(0, 8)];
  const keys = new Set(Object.keys(entries));
  for (const c of chunks(png)) {
    const whole = png.subarray(c.offset, c.dataEnd + 4);
    if (c.type === 'iTXt' || c.type === 'tEXt') {
      const nul = png.indexOf(0, c.dataStart);
      const key = new TextDecoder('latin1').decode(png.subarray(c.dataStart, nul));
      if (keys.has(key)) continue;
    }
    parts.push(whole);
    if (c.type === 'IHDR') for (const [k, v] of Object.entries(entries)) parts.push(itxtChunk(k, v));
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Reads every uncompressed iTXt and tEXt chunk (keyword → text). Chunks with a wrong CRC are ignored. */
export function readPngText(png: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of chunks(png)) {
    if (c.type !== 'iTXt' && c.type !== 'tEXt') continue;
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    if (crc32(png, c.offset + 4, c.dataEnd) !== view.getUint32(c.dataEnd)) continue;
    const nul = png.indexOf(0, c.dataStart);
    if (nul < 0 || nul >= c.dataEnd) continue;
    const key = new TextDecoder('latin1').decode(png.subarray(c.dataStart, nul));
    if (c.type === 'tEXt') {
      out[key] = new TextDecoder('latin1').decode(png.subarray(nul + 1, c.dataEnd));
      continue;
    }
    if (png[nul + 1] !== 0) continue; // compressed iTXt: not written by us
    let p = nul + 3;
    p = png.indexOf(0, p) + 1; // language tag
    p = png.indexOf(0, p) + 1; // translated keyword
    if (p <= 0 || p > c.dataEnd) continue;
    out[key] = new TextDecoder().decode(png.subarray(p, c.dataEnd));
  }
  return out;
}
