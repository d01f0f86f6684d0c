// The full recipe of every portrait image: enough to make the same pixels again (inputs by
// hash, models by id + sha256, the theme as rendered, the seed, the app version) and to explain
// the image (identity scores, whether refine ran, how it was upscaled). It goes into the
// database row and into the file itself. No timestamps: the same inputs give the same bytes.
import type { DraftRecipe } from '../../../native/compose';
import type { Image8 } from '../../../native/image/types';
import { encodeWithRecipe } from '../../../native/recipe/embed';
import type { UpscaleModel } from '../../../native/upscale';
import type { ResolvedTheme } from '../../../themes/schema';
import type { IdentityVerdict } from './identity';
import type { ModelStampEntry } from './models';

export type PortraitStage = 'draft' | 'refined' | 'upscaled';

export interface RecipeInput {
  /** 'a' / 'b' of the couple. */
  role: string;
  /** sha256 of the original photo file. */
  sha256: string;
  /** Which face of the photo (0 = largest). */
  faceIndex: number;
}

export interface PortraitRecipe {
  kind: 'pairlight-portrait';
  version: 1;
  app: { name: 'pairlight'; version: string };
  stage: PortraitStage;
  seed: number;
  inputs: RecipeInput[];
  models: ModelStampEntry[];
  theme: { id: string; resolved: ResolvedTheme };
  /** What the compositor did (placement, gains, light, lens), without repeating the theme. */
  draft: Omit<DraftRecipe, 'theme'>;
  /** Where each face ended up in the draft (draft pixels), for detail masks and face-aware crops. */
  faces: { box: { x: number; y: number; width: number; height: number }; mirrored: boolean }[];
  /** Scores of the pixels saved; `beforeRefine` keeps the draft's own when refine ran. */
  identity: IdentityVerdict & { people: string[]; beforeRefine?: IdentityVerdict };
  refine: { ran: false; message: string } | { ran: true; model: ModelStampEntry; params: ResolvedTheme['refine'] };
  upscale?: { model: UpscaleModel; modelSha256: string; target: '2k' | '4k'; width: number; height: number; detailMask: 'draft-face-boxes' };
}

export function draftRecipe(args: {
  appVersion: string;
  inputs: RecipeInput[];
  models: ModelStampEntry[];
  draft: DraftRecipe;
  faces: readonly { box: { x: number; y: number; width: number; height: number }; mirrored: boolean }[];
  identity: IdentityVerdict & { beforeRefine?: IdentityVerdict };
  people: string[];
  refine: PortraitRecipe['refine'];
}): PortraitRecipe {
  const { theme, ...draft } = args.draft;
  return {
    kind: 'pairlight-portrait',
    version: 1,
    app: { name: 'pairlight', version: args.appVersion },
    stage: args.refine.ran ? 'refined' : 'draft',
    seed: draft.seed,
    inputs: args.inputs,
    models: args.models,
    theme: { id: theme.id, resolved: theme },
    draft,
    faces: args.faces.map((f) => ({ box: { x: f.box.x, y: f.box.y, width: f.box.width, height: f.box.height }, mirrored: f.mirrored })),
    identity: { ...args.identity, people: args.people },
    refine: args.refine,
  };
}

/** The recipe of an upscaled child: its parent's, plus how it was upscaled. */
export function upscaledRecipe(parent: PortraitRecipe, upscale: NonNullable<PortraitRecipe['upscale']>): PortraitRecipe {
  const models = parent.models.some((m) => m.id === `realesrgan-${upscale.model}`)
    ? parent.models
    : [...parent.models, { id: `realesrgan-${upscale.model}`, sha256: upscale.modelSha256 }];
  return { ...parent, stage: 'upscaled', models, upscale };
}

/** PNG bytes with the recipe in an iTXt chunk (or none when the user turned embedding off). */
export function encodePortrait(image: Image8, recipe: PortraitRecipe, embed = true): Promise<Buffer> {
  return encodeWithRecipe(image, recipe, { format: 'png', embed });
}
