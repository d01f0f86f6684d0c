// `pairlight export IMAGE --paper 4x6|5x7|8x10|a4 --out FILE.jpg`: a print file at 300 DPI,
// sRGB, cropped around the faces (from the image's Pairlight recipe when it has one), with the
// recipe carried over plus how it was exported.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliCommand } from '../command';
import { writeFileAtomic } from '../../app/files/atomic';
import { exportRecipe, PAPERS, recipeFaceBoxes, renderPrint, type Paper } from '../../app/pipeline/export';
import { decodeImage, ImageImportError } from '../../../native/face';
import { readRecipe } from '../../../native/recipe/embed';

const USAGE = `pairlight export IMAGE --paper ${Object.keys(PAPERS).join('|')} --out FILE.jpg`;

function parse(args: string[]): { input: string; paper: Paper; out: string } | string {
  let input: string | undefined, paper: string | undefined, out: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--paper') paper = args[++i];
    else if (args[i] === '--out') out = args[++i];
    else if (args[i].startsWith('--')) return `Unknown option ${args[i]}.`;
    else if (input) return 'Give one image to export.';
    else input = args[i];
  }
  if (!input) return 'Give the image to export.';
  if (!paper || !Object.hasOwn(PAPERS, paper)) return `--paper must be one of ${Object.keys(PAPERS).join(', ')}.`;
  if (!out || !/\.jpe?g$/i.test(out)) return '--out must be a .jpg file.';
  return { input: path.resolve(input), paper: paper as Paper, out: path.resolve(out) };
}

const command: CliCommand = {
  name: ['export'],
  summary: 'Print file: paper size at 300 DPI, sRGB JPEG, cropped around the faces, recipe kept',
  usage: USAGE,
  async run(args, ctx) {
    const parsed = parse(args);
    if (typeof parsed === 'string') {
      ctx.err(`${parsed}\nUsage: ${USAGE}`);
      return 2;
    }
    let photo;
    try {
      photo = await decodeImage(parsed.input, { minSide: 8 });
    } catch (error) {
      if (error instanceof ImageImportError) {
        ctx.err(`${parsed.input}: ${error.message}`);
        return 2;
      }
      throw error;
    }
    const source = await readRecipe(await readFile(parsed.input)).catch(() => null);
    const faces = recipeFaceBoxes(source, photo.image.width);
    const recipe = exportRecipe(source, parsed.paper);
    const print = await renderPrint(photo.image, parsed.paper, faces, recipe);
    await writeFileAtomic(parsed.out, print.bytes);
    const soft = print.sourceDpi < 200 ? ` — only ${print.sourceDpi} source pixels per inch: upscale to 4K first for a sharper print` : '';
    ctx.out(`${parsed.out}: ${print.width} × ${print.height} (${parsed.paper} at 300 DPI), crop ${print.crop.width}×${print.crop.height} at ${print.crop.x},${print.crop.y}${faces.length ? ' around the faces' : ' (centred: no face data)'}${soft}`);
    return 0;
  },
};

export default command;
