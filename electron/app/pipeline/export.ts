// Print export: an image cropped to a paper's shape around the faces, resized to the paper at
// 300 DPI (Lanczos), written as an sRGB-tagged JPEG with its DPI and recipe. The crop keeps
// the faces: the window is centred on them and only slides where the picture ends.
import sharp from 'sharp';
import type { Image8 } from '../../../native/image/types';
import { encodeWithRecipe } from '../../../native/recipe/embed';
import type { PortraitRecipe } from './recipe';

export const PAPERS = {
  '4x6': [4, 6],
  '5x7': [5, 7],
  '8x10': [8, 10],
  a4: [8.27, 11.69],
} as const satisfies Record<string, readonly [number, number]>;
export type Paper = keyof typeof PAPERS;
export const PRINT_DPI = 300;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The largest window of the paper's aspect (turned to the image's orientation) centred on the faces. */
export function faceAwareCrop(width: number, height: number, paper: Paper, faces: readonly Box[]): Box & { portrait: boolean } {
  const [short, long] = PAPERS[paper];
  const portrait = height >= width;
  const aspect = portrait ? short / long : long / short; // width / height
  const cw = Math.min(width, Math.round(height * aspect));
  const ch = Math.min(height, Math.round(width / aspect));
  let cx = width / 2;
  let cy = height / 2;
  if (faces.length) {
    const x0 = Math.min(...faces.map((f) => f.x)), x1 = Math.max(...faces.map((f) => f.x + f.width));
    const y0 = Math.min(...faces.map((f) => f.y)), y1 = Math.max(...faces.map((f) => f.y + f.height));
    cx = (x0 + x1) / 2;
    // Faces sit a little above the middle of a portrait (more room for shoulders than above the hair).
    cy = (y0 + y1) / 2 + ch * 0.1;
  }
  const x = Math.round(Math.min(width - cw, Math.max(0, cx - cw / 2)));
  const y = Math.round(Math.min(height - ch, Math.max(0, cy - ch / 2)));
  return { x, y, width: cw, height: ch, portrait };
}

export function paperPixels(paper: Paper, portrait: boolean): { width: number; height: number } {
  const [short, long] = PAPERS[paper].map((inches) => Math.round(inches * PRINT_DPI));
  return portrait ? { width: short, height: long } : { width: long, height: short };
}

export interface PrintFile {
  bytes: Buffer;
  width: number;
  height: number;
  crop: Box;
  /** Source pixels per printed inch: below ~200 a print looks soft; upscale first. */
  sourceDpi: number;
}

export async function renderPrint(image: Image8, paper: Paper, faces: readonly Box[], recipe: unknown, embed = true): Promise<PrintFile> {
  const crop = faceAwareCrop(image.width, image.height, paper, faces);
  const size = paperPixels(paper, crop.portrait);
  const raw = await sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } })
    .extract({ left: crop.x, top: crop.y, width: crop.width, height: crop.height })
    .resize(size.width, size.height, { kernel: 'lanczos3', fit: 'fill' })
    .raw()
    .toBuffer();
  const resized: Image8 = { ...size, channels: image.channels, data: new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength) };
  const bytes = await encodeWithRecipe(resized, recipe, { format: 'jpeg', quality: 95, embed, density: PRINT_DPI });
  return { bytes, ...size, crop, sourceDpi: Math.round((crop.width / size.width) * PRINT_DPI) };
}

/** Face boxes from a portrait recipe, scaled from the draft to an image `width` pixels wide (none for other images). */
export function recipeFaceBoxes(recipe: unknown, width: number): Box[] {
  const r = recipe as Partial<PortraitRecipe> | null;
  if (r?.kind !== 'pairlight-portrait' || !r.faces || !r.draft) return [];
  const k = width / r.draft.width;
  return r.faces.map(({ box }) => ({ x: box.x * k, y: box.y * k, width: box.width * k, height: box.height * k }));
}

/** The exported file's recipe: the source's own, plus how it was exported. */
export function exportRecipe(source: unknown, paper: Paper): Record<string, unknown> {
  return { ...(source && typeof source === 'object' ? source : {}), export: { paper, dpi: PRINT_DPI, colourSpace: 'sRGB' } };
}
