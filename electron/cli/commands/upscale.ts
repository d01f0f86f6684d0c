// `pairlight upscale IN --model x4fast|x4plus --out OUT [--target 4x|2k|4k]`: Real-ESRGAN ×4,
// tiled, with skin detail kept inside detected faces. Ctrl-C stops between tiles and
// leaves no output file (the image is written to a temp name and renamed only when done).
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { CliCommand, CliContext } from '../command';
import { decodeImage } from '../../../native/image/decode';
import { ImageImportError } from '../../../native/image/errors';
import type { Mask } from '../../../native/image/types';
import { faceMaskFromBoxes, UpscaleCancelledError, upscaleImage, type UpscaleModel, type UpscaleTarget } from '../../../native/upscale';

const USAGE = 'pairlight upscale IN --model x4fast|x4plus --out OUT [--target 4x|2k|4k] [--models DIR] [--tile N] [--no-detail]';
const OUTPUT_FORMATS = ['.png', '.jpg', '.jpeg', '.webp', '.tif', '.tiff'];

export interface UpscaleArgs {
  input: string;
  output: string;
  model: UpscaleModel;
  target: UpscaleTarget;
  modelsDir: string;
  tileSize?: number;
  detail: boolean;
}

export function defaultModelsDir(): string {
  return path.resolve(import.meta.dirname, '..', '..', '..', 'models');
}

export function parseUpscaleArgs(args: string[]): UpscaleArgs | string {
  let input: string | undefined;
  let output: string | undefined;
  let model: string | undefined;
  let target = '4x';
  let modelsDir = defaultModelsDir();
  let tileSize: number | undefined;
  let detail = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string | undefined => args[++i];
    if (a === '--model') model = value();
    else if (a === '--out') output = value();
    else if (a === '--target') target = value() ?? '';
    else if (a === '--models') modelsDir = value() ?? '';
    else if (a === '--tile') tileSize = Number(value());
    else if (a === '--no-detail') detail = false;
    else if (a.startsWith('--')) return `Unknown option ${a}.`;
    else if (input) return `Give one input image (got "${input}" and "${a}").`;
    else input = a;
  }
  if (!input) return 'Give the image to upscale.';
  if (!output) return 'Give the output file with --out.';
  if (model !== 'x4fast' && model !== 'x4plus') return `--model must be x4fast or x4plus${model ? `, not "${model}"` : ''}.`;
  if (target !== '4x' && target !== '2k' && target !== '4k') return `--target must be 4x, 2k or 4k, not "${target}".`;
  if (!modelsDir) return '--models needs a folder.';
  if (tileSize !== undefined && (!Number.isInteger(tileSize) || tileSize < 32)) return '--tile must be a whole number of pixels, at least 32.';
  if (!OUTPUT_FORMATS.includes(path.extname(output).toLowerCase())) return `--out must end in ${OUTPUT_FORMATS.join(', ')}.`;
  return { input: path.resolve(input), output: path.resolve(output), model, target, modelsDir: path.resolve(modelsDir), tileSize, detail };
}

/** Face boxes from the face models when they are installed; detail restoration is skipped otherwise. */
async function detectFaceMask(image: import('../../../native/image/types').Image8, modelsDir: string, ctx: CliContext): Promise<Mask | undefined> {
  const face = await import('../../../native/face');
  const models = face.modelSetFromFolder(modelsDir);
  if (!models.models.detectShort || !models.models.mesh) {
    ctx.err('Face models are not installed, so skin detail is not restored (run "npm run models").');
    return undefined;
  }
  try {
    const analysis = await face.analyzePhoto(image, { models, embed: false });
    return analysis.faces.length ? faceMaskFromBoxes(image.width, image.height, analysis.faces.map((f) => f.box)) : undefined;
  } finally {
    await models.cache.dispose();
  }
}

async function encode(image: import('../../../native/image/types').Image8, file: string): Promise<void> {
  const ext = path.extname(file).toLowerCase();
  let s = sharp(image.data, { raw: { width: image.width, height: image.height, channels: image.channels } });
  s = ext === '.png' ? s.png() : ext === '.webp' ? s.webp({ quality: 95 }) : ext === '.tif' || ext === '.tiff' ? s.tiff() : s.jpeg({ quality: 95, chromaSubsampling: '4:4:4' });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await s.toFile(tmp);
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/** The command body, with cancellation passed in (the CLI wires Ctrl-C to it; tests abort directly). */
export async function runUpscale(args: string[], ctx: CliContext, signal?: AbortSignal): Promise<number> {
  const parsed = parseUpscaleArgs(args);
  if (typeof parsed === 'string') {
    ctx.err(`${parsed}\nUsage: ${USAGE}`);
    return 2;
  }
  const modelPath = path.join(parsed.modelsDir, 'onnx', `realesrgan-${parsed.model}.onnx`);
  if (!existsSync(modelPath)) {
    ctx.err(`The Real-ESRGAN ${parsed.model} model is not installed (${modelPath} is missing). Run "npm run models" and try again.`);
    return 1;
  }
  let photo;
  try {
    photo = await decodeImage(parsed.input, { minSide: 8 });
  } catch (err) {
    if (err instanceof ImageImportError) {
      ctx.err(`${parsed.input}: ${err.message}`);
      return 2;
    }
    throw err;
  }
  const faceMask = parsed.detail ? await detectFaceMask(photo.image, parsed.modelsDir, ctx) : undefined;
  const started = performance.now();
  try {
    const result = await upscaleImage(photo.image, {
      model: parsed.model,
      modelPath,
      target: parsed.target,
      tileSize: parsed.tileSize,
      faceMask,
      signal,
      onProgress: (done, total) => ctx.out(`tile ${done}/${total}`),
    });
    await encode(result, parsed.output);
    ctx.out(`${parsed.output}: ${result.width} × ${result.height} in ${((performance.now() - started) / 1000).toFixed(1)} s${faceMask ? ' (skin detail kept in faces)' : ''}`);
    return 0;
  } catch (err) {
    if (err instanceof UpscaleCancelledError) {
      ctx.err(`Cancelled: ${err.message} No file was written.`);
      return 130;
    }
    throw err;
  }
}

const command: CliCommand = {
  name: ['upscale'],
  summary: 'Real-ESRGAN ×4 upscale (tiled), optional 2K/4K long edge, skin detail kept in faces',
  usage: USAGE,
  async run(args, ctx) {
    const controller = new AbortController();
    const stop = (): void => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      return await runUpscale(args, ctx, controller.signal);
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  },
};

export default command;
