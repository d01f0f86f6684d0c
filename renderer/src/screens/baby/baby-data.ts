// Baby image rows + their recipes (from images.lineage) → the result cards' view models.
// The recipe crosses the contract as `unknown`, so it is parsed here, where it enters the UI.
import { z } from 'zod';
import type { Image } from '../../bridge/types';

export const BABY_AGES = ['newborn', '1y', '3y'] as const;
export type BabyAge = (typeof BABY_AGES)[number];
export const BABY_SCENES = ['nursery', 'soft-studio', 'outdoor'] as const;
export type BabyScene = (typeof BABY_SCENES)[number];

/** A baby portrait's settings: what the baby session's controls hold, and what a remix carries back. */
export interface BabySettings {
  age: BabyAge;
  variations: number;
  shareA: number;
  scene: BabyScene;
}

export const BABY_DEFAULTS: BabySettings = { age: 'newborn', variations: 4, shareA: 0.5, scene: 'nursery' };

/** The baby controls' settings, and the session's remix they started from (null: none). */
export interface BabyControlsState {
  from: BabySettings | null;
  settings: BabySettings;
}

/**
 * The controls follow the session's remix: when it changes they start again from it, or from the
 * defaults when there is none, and the user's edits stay while it does not. A change to null
 * counts too: the session's reset() clears an earlier remix only after the screen's first render.
 */
export function followRemix(state: BabyControlsState | null, remix: BabySettings | null): BabyControlsState {
  return state !== null && state.from === remix ? state : { from: remix, settings: remix ?? BABY_DEFAULTS };
}

export const AGE_LABEL: Record<BabyAge, string> = { newborn: 'Newborn', '1y': '1 year', '3y': '3 years' };
export const SCENE_LABEL: Record<BabyScene, string> = { nursery: 'Nursery', 'soft-studio': 'Soft studio', outdoor: 'Outdoor' };

const ReportLineSchema = z.object({
  trait: z.string(),
  value: z.string(),
  from: z.string(),
  confidence: z.number(),
  probability: z.number().optional(),
});

const BabyRecipeSchema = z.object({
  kind: z.literal('pairlight-baby'),
  age: z.enum(BABY_AGES),
  scene: z.enum(BABY_SCENES),
  shareA: z.number(),
  seed: z.number(),
  reportCard: z.string(),
  report: z.object({
    lines: z.array(ReportLineSchema),
    resemblance: z.object({ a: z.number(), b: z.number() }),
    caveats: z.array(z.string()),
    model: z.string(),
  }),
});

export type TraitLine = z.infer<typeof ReportLineSchema>;

export interface BabyResult {
  id: string;
  url: string;
  /** The portrait + report as one PNG, for saving or sharing. */
  reportCardUrl: string;
  seed: number;
  age: BabyAge;
  shareA: number;
  /** Cosine similarity of the baby's face to each parent's. */
  resemblance: { a: number; b: number };
  lines: TraitLine[];
  caveats: string[];
  model: string;
}

/** null when the recipe is not a baby recipe (e.g. an upscaled copy whose row holds another kind). */
export function toBabyResult(image: Pick<Image, 'id' | 'projectId'>, recipe: unknown, mediaUrl: (projectId: string, relPath: string) => string, relPath: string): BabyResult | null {
  const parsed = BabyRecipeSchema.safeParse(recipe);
  if (!parsed.success) return null;
  const r = parsed.data;
  return {
    id: image.id,
    url: mediaUrl(image.projectId, relPath),
    reportCardUrl: mediaUrl(image.projectId, r.reportCard),
    seed: r.seed,
    age: r.age,
    shareA: r.shareA,
    resemblance: r.report.resemblance,
    lines: r.report.lines,
    caveats: r.report.caveats,
    model: r.report.model,
  };
}

/** Resemblance as people read it: "A 62%". Cosine similarity clamped to 0..1. */
export function formatLikeness(cosine: number): string {
  return `${Math.round(Math.max(0, Math.min(1, cosine)) * 100)}%`;
}

/** The slider's live label: "A 70% · B 30%". */
export function formatShare(shareA: number): string {
  const a = Math.round(Math.max(0, Math.min(1, shareA)) * 100);
  return `A ${a}% · B ${100 - a}%`;
}

/** The report's "from" in the slot letters the cards use, for colour-coding. */
export function sourceSlot(from: string): 'A' | 'B' | 'both' | 'none' {
  if (from === 'Parent A') return 'A';
  if (from === 'Parent B') return 'B';
  return from.startsWith('Both') ? 'both' : 'none';
}
