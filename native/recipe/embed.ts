// Embeds a generation recipe in the image file itself (PNG iTXt, JPEG XMP) and reads it
// back, so an exported file can be remixed even without the project database.
import sharp from 'sharp';
import type { Image8 } from '../image/types';
import { readPngText, withPngText } from './png-text';

export const RECIPE_KEYWORD = 'pairlight:recipe';
const XMP_NS = 'https://pairlight.app/ns/recipe/1.0/';

export type OutputFormat = 'png' | 'jpeg';

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xmlUnescape(s: string): string {
  return s.replace(/&quot;/g, '"').replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&amp;/g, '&');
}

export function recipeXmp(recipeJson: string): string {
  return (
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    `<rdf:Description rdf:about="" xmlns:pairlight="${XMP_NS}">` +
    `<pairlight:recipe>${xmlEscape(recipeJson)}</pairlight:recipe>` +
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
  );
}

export function recipeFromXmp(xmp: string): string | null {
  const m = /<pairlight:recipe>([\s\S]*?)<\/pairlight:recipe>/.exec(xmp);
  return m ? xmlUnescape(m[1]) : null;
}

export interface EncodeOptions {
  format: OutputFormat;
  /** JPEG quality 1–100. */
  quality?: number;
  /** When false the file carries no recipe (Settings: metadata embedding off). */
  embed?: boolean;
  /** ICC profile to tag: sharp's built-in 'srgb' unless told otherwise. */
  icc?: string;
  density?: number;
}

/** Encodes pixels as PNG or JPEG (sRGB-tagged) with the recipe embedded. */
export async function encodeWithRecipe(image: Image8, recipe: unknown, opts: EncodeOptions): Promise<Buffer> {
  const json = JSON.stringify(recipe);
  let pipeline = sharp(Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength), {
    raw: { width: image.width, height: image.height, channels: image.channels },
  }).withIccProfile(opts.icc ?? 'srgb');
  if (opts.density) pipeline = pipeline.withMetadata({ density: opts.density });
  if (opts.format === 'jpeg') {
    if (opts.embed !== false) pipeline = pipeline.withXmp(recipeXmp(json));
    return pipeline.jpeg({ quality: opts.quality ?? 92, chromaSubsampling: '4:4:4' }).toBuffer();
  }
  const png = await pipeline.png({ compressionLevel: 6 }).toBuffer();
  if (opts.embed === false) return png;
  return Buffer.from(withPngText(png, { [RECIPE_KEYWORD]: json }));
}

/** Reads the recipe back from a PNG or JPEG written by encodeWithRecipe; null when there is none. */
export async function readRecipe(bytes: Uint8Array): Promise<unknown | null> {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) {
    const text = readPngText(bytes)[RECIPE_KEYWORD];
    return text === undefined ? null : JSON.parse(text);
  }
  const meta = await sharp(bytes).metadata();
  if (!meta.xmp) return null;
  const json = recipeFromXmp(meta.xmp.toString('utf8'));
  return json === null ? null : JSON.parse(json);
}
