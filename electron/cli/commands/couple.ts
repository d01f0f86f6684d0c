// `pairlight couple --a A.jpg --b B.jpg --theme THEME --seeds N --out DIR [--upscale 2k|4k] [--json]`:
// the couple pipeline without a library: drafts (and upscaled passing drafts) written to DIR,
// each PNG carrying its recipe; per image the path, seed, theme, identity scores and verdict.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand, CliContext } from '../command';
import { isPairlightError } from '../../contract';
import { writeFileAtomic } from '../../app/files/atomic';
import {
  analyzeForPortrait,
  closePipelineModels,
  encodePortrait,
  openPipelineModels,
  resolveThemeOrFail,
  scoredCoupleDrafts,
  seedsFrom,
  upscaleScoredDraft,
  type PortraitRecipe,
  type ScoredDraft,
} from '../../app/pipeline';
import { userThemesDir } from '../../app/pipeline/theme';
import { appVersion } from '../../app/version';
import { defaultModelsDir, SAME_PERSON_THRESHOLD } from '../../../native/face';

const USAGE = 'pairlight couple --a A.jpg --b B.jpg --theme THEME --seeds N --out DIR [--seed FIRST] [--upscale 2k|4k] [--upscale-model x4fast|x4plus] [--face-a N] [--face-b N] [--json] [--models DIR]';

export interface CoupleArgs {
  a: string;
  b: string;
  theme: string;
  seeds: number;
  firstSeed?: number;
  out: string;
  upscale?: '2k' | '4k';
  upscaleModel: 'x4fast' | 'x4plus';
  json: boolean;
  modelsDir: string;
  /** 0-based face of each group photo (the CLI takes 1-based, largest first); default the largest usable. */
  faceA?: number;
  faceB?: number;
}

export function parseCoupleArgs(args: string[]): CoupleArgs | string {
  const v: Record<string, string | undefined> = {};
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (['--a', '--b', '--theme', '--seeds', '--seed', '--out', '--upscale', '--upscale-model', '--models', '--face-a', '--face-b'].includes(a)) {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) return `${a} needs a value.`;
      v[a.slice(2)] = value;
    } else return `Unknown argument ${a}.`;
  }
  for (const k of ['a', 'b', 'theme', 'out'] as const) if (!v[k]) return `Give --${k}.`;
  const seeds = Number(v.seeds ?? '4');
  if (!Number.isInteger(seeds) || seeds < 1 || seeds > 64) return '--seeds must be a whole number from 1 to 64.';
  const firstSeed = v.seed === undefined ? undefined : Number(v.seed);
  if (firstSeed !== undefined && (!Number.isInteger(firstSeed) || firstSeed < 0 || firstSeed > 0xffffffff)) return '--seed must be a whole number from 0 to 4294967295.';
  if (v.upscale !== undefined && v.upscale !== '2k' && v.upscale !== '4k') return `--upscale must be 2k or 4k, not "${v.upscale}".`;
  const upscaleModel = v['upscale-model'] ?? 'x4fast';
  if (upscaleModel !== 'x4fast' && upscaleModel !== 'x4plus') return `--upscale-model must be x4fast or x4plus, not "${upscaleModel}".`;
  for (const k of ['a', 'b'] as const) if (!existsSync(v[k]!)) return `--${k}: ${v[k]} does not exist.`;
  const face = (k: 'face-a' | 'face-b'): number | undefined | string => {
    if (v[k] === undefined) return undefined;
    const n = Number(v[k]);
    return Number.isInteger(n) && n >= 1 ? n - 1 : `--${k} must be a face number from 1 (the largest face).`;
  };
  const [faceA, faceB] = [face('face-a'), face('face-b')];
  if (typeof faceA === 'string') return faceA;
  if (typeof faceB === 'string') return faceB;
  return {
    a: path.resolve(v.a!),
    b: path.resolve(v.b!),
    theme: v.theme!,
    seeds,
    firstSeed,
    out: path.resolve(v.out!),
    upscale: v.upscale as CoupleArgs['upscale'],
    upscaleModel,
    json,
    modelsDir: path.resolve(v.models ?? defaultModelsDir()),
    faceA,
    faceB,
  };
}

export interface CoupleImageReport {
  path: string;
  stage: PortraitRecipe['stage'];
  seed: number;
  theme: string;
  identity: { a: number; b: number };
  rejected: boolean;
  reason: string | null;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function imageReport(file: string, recipe: PortraitRecipe): CoupleImageReport {
  const [a, b] = recipe.identity.scores;
  return { path: file, stage: recipe.stage, seed: recipe.seed, theme: recipe.theme.id, identity: { a: round3(a), b: round3(b) }, rejected: recipe.identity.rejected, reason: recipe.identity.reason };
}

export function describeImage(r: CoupleImageReport): string {
  const verdict = r.rejected ? `REJECTED (${r.reason})` : 'ok';
  return `${r.path}  ${r.stage}  seed ${r.seed}  ${r.theme}  identity A ${r.identity.a.toFixed(3)} B ${r.identity.b.toFixed(3)}  ${verdict}`;
}

/** Writes one draft and, when asked, its upscaled child; returns their reports. */
export async function writeDraftOutputs(
  d: ScoredDraft,
  out: string,
  upscale: { target: '2k' | '4k'; model: 'x4fast' | 'x4plus'; models: Parameters<typeof upscaleScoredDraft>[1]['models']; onTile?(done: number, total: number): void; signal?: AbortSignal } | null,
): Promise<CoupleImageReport[]> {
  const base = `${d.recipe.theme.id}-${d.seed}`;
  const draftPath = path.join(out, `${base}-${d.recipe.stage}.png`);
  await writeFileAtomic(draftPath, await encodePortrait(d.image, d.recipe));
  const reports = [imageReport(draftPath, d.recipe)];
  if (upscale) {
    const up = await upscaleScoredDraft(d, { target: upscale.target, model: upscale.model, models: upscale.models, onProgress: upscale.onTile, signal: upscale.signal });
    const upPath = path.join(out, `${base}-${upscale.target}.png`);
    await writeFileAtomic(upPath, await encodePortrait(up.image, up.recipe));
    reports.push(imageReport(upPath, up.recipe));
  }
  return reports;
}

export async function runCouple(args: string[], ctx: CliContext, signal?: AbortSignal): Promise<number> {
  const parsed = parseCoupleArgs(args);
  if (typeof parsed === 'string') {
    ctx.err(`${parsed}\nUsage: ${USAGE}`);
    return 2;
  }
  const models = openPipelineModels(parsed.modelsDir);
  const log = (line: string): void => (parsed.json ? ctx.err(line) : ctx.out(line));
  try {
    // The user's own themes (duplicated and edited in the app) are found in the library folder.
    const theme = resolveThemeOrFail(parsed.theme, {}, undefined, userThemesDir(ctx.dataDir));
    const a = await analyzeForPortrait(parsed.a, { models, label: 'person A', faceIndex: parsed.faceA });
    const b = await analyzeForPortrait(parsed.b, { models, label: 'person B', faceIndex: parsed.faceB });
    const seeds = seedsFrom(parsed.firstSeed ?? theme.variation.baseSeed, parsed.seeds);
    const drafts = await scoredCoupleDrafts({ a, b, theme, seeds, models, threshold: SAME_PERSON_THRESHOLD, appVersion: appVersion(), signal });
    const refine = drafts[0]?.recipe.refine;
    if (refine && !refine.ran) log(refine.message);
    const reports: CoupleImageReport[] = [];
    for (const d of drafts) {
      // Rejected drafts are written (the user may still want to see them) but never upscaled.
      const up = parsed.upscale && !d.verdict.rejected ? { target: parsed.upscale, model: parsed.upscaleModel, models, signal } : null;
      const written = await writeDraftOutputs(d, parsed.out, up);
      if (!parsed.json) for (const r of written) ctx.out(describeImage(r));
      reports.push(...written);
    }
    if (parsed.json) ctx.out(JSON.stringify({ theme: theme.id, threshold: SAME_PERSON_THRESHOLD, images: reports }, null, 2));
    return 0;
  } catch (error) {
    if (isPairlightError(error)) {
      ctx.err(`${error.code}: ${error.message}`);
      return error.code === 'VALIDATION' || error.code === 'IMPORT_NOT_IMAGE' || error.code === 'NO_FACE' ? 2 : 1;
    }
    throw error;
  } finally {
    await closePipelineModels(models);
  }
}

/** Ctrl-C cancels between drafts / tiles; a file is written whole or not at all. */
export async function withInterrupt<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await run(controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

const command: CliCommand = {
  name: ['couple'],
  summary: 'Couple portraits from two selfies: drafts per seed with identity scores, optional 2K/4K upscale',
  usage: USAGE,
  run: (args, ctx) => withInterrupt((signal) => runCouple(args, ctx, signal)),
};

export default command;
