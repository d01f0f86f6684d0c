// The pixel work Pairlight hands to its worker thread: pure functions of plain data (typed arrays,
// numbers, JSON-like objects), so their arguments and results cross threads by structured clone.
// Each op is named here once; pixel-worker.ts runs them, client.ts calls them.
import { renderDraft, type DraftResult, type PersonInput } from '../compose/draft';
import { bilinearUpscale, lanczosUpscale, restoreFineDetail } from '../upscale/detail';
import { prepareBabyParent, renderBabyPortrait, type BabyParent, type BabyPortrait, type BabyPortraitInput } from '../baby/portrait';
import { upsampleMatte } from '../matte/upsample';
import type { Image8, Mask } from '../image/types';
import type { ResolvedTheme } from '../../themes/schema';

export interface OpContext {
  /** True once the caller asked to stop; ops that loop check it between steps. */
  cancelled(): boolean;
  /** Streams a partial result to the caller (e.g. each draft as it is made). */
  emit(value: unknown, transfer?: ArrayBuffer[]): void;
  /** Gives the worker's message queue a turn, so a cancel can arrive. */
  yieldTurn(): Promise<void>;
  /** Moves this buffer of the result to the caller instead of copying it. */
  transferOnReturn(buffer: ArrayBuffer): void;
}

export interface DraftsArgs {
  people: [PersonInput, PersonInput];
  theme: ResolvedTheme;
  seeds: number[];
}

export interface DraftItem {
  seed: number;
  draft: DraftResult;
}

export interface DetailArgs {
  /** The network's output tile, planar RGB 0..1, `width` × `height`. */
  rgb: Float32Array;
  width: number;
  height: number;
  /** Luma of the input tile, planar, (width / scale) × (height / scale). */
  inputLuma: Float32Array;
  /** Face mask over the input tile, same size as inputLuma. */
  mask: Float32Array;
  scale: number;
  sigma: number;
  strength: number;
  edgeThreshold: number;
}

export class OpCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

export const OPS = {
  /** One draft per seed, each emitted as soon as it is made; returns how many were made. */
  async drafts(args: DraftsArgs, ctx: OpContext): Promise<number> {
    for (const seed of args.seeds) {
      await ctx.yieldTurn();
      if (ctx.cancelled()) throw new OpCancelled();
      const draft = renderDraft({ people: args.people, theme: args.theme, seed });
      ctx.emit({ seed, draft } satisfies DraftItem, [draft.image.data.buffer as ArrayBuffer]);
    }
    return args.seeds.length;
  },

  /** The upscaler's skin-detail restoration on one tile (see restoreFineDetail); returns the tile. */
  async restoreDetail(a: DetailArgs, ctx: OpContext): Promise<Float32Array> {
    const w = a.width / a.scale, h = a.height / a.scale;
    const lanczosY = lanczosUpscale(a.inputLuma, w, h, a.scale);
    restoreFineDetail(a.rgb, a.width, a.height, lanczosY, bilinearUpscale(a.mask, w, h, a.scale), a.sigma, a.strength, a.edgeThreshold);
    ctx.transferOnReturn(a.rgb.buffer as ArrayBuffer);
    return a.rgb;
  },

  /** A parent photo cut down to the face and cleaned for the portraits (see prepareBabyParent). */
  async prepareBabyParent(p: BabyParent, ctx: OpContext): Promise<BabyParent> {
    const prepared = prepareBabyParent(p);
    ctx.transferOnReturn(prepared.photo.data.buffer as ArrayBuffer);
    return prepared;
  },

  /** One infant portrait (~0.6–0.8 s of warping, blending and colour work). */
  async babyPortrait(input: BabyPortraitInput, ctx: OpContext): Promise<BabyPortrait> {
    const portrait = renderBabyPortrait(input);
    ctx.transferOnReturn(portrait.image.data.buffer as ArrayBuffer);
    return portrait;
  },

  /** The person matte at full resolution (see upsampleMatte): ~0.5 s at 12 MP. */
  async upsampleMatte(a: { low: Mask; work: Image8; image: Image8 }, ctx: OpContext): Promise<Mask> {
    const mask = upsampleMatte(a.low, a.work, a.image);
    ctx.transferOnReturn(mask.data.buffer as ArrayBuffer);
    return mask;
  },
} satisfies Record<string, (args: never, ctx: OpContext) => Promise<unknown>>;

export type OpName = keyof typeof OPS;
export type OpArgs<N extends OpName> = Parameters<(typeof OPS)[N]>[0];
export type OpResult<N extends OpName> = Awaited<ReturnType<(typeof OPS)[N]>>;
