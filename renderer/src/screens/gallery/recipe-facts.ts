// An image's recipe (stored as JSON, typed `unknown` by the contract) → the few facts the
// lineage panel shows, and what "remix" reopens. Read defensively: recipes from older versions
// or other kinds simply show fewer facts.

import { MAX_BABY_VARIATIONS } from '../../bridge/types';
import type { Remix } from '../../stores/session';
import { BABY_AGES, BABY_SCENES } from '../baby/baby-data';

type Facts = Record<string, string | number>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const at = (v: unknown, ...path: string[]): unknown => path.reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

export function recipeFacts(recipe: unknown): Facts {
  const facts: Facts = {};
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined) facts[key] = value;
  };
  if (at(recipe, 'kind') === 'pairlight-baby') {
    put('age', text(at(recipe, 'age')));
    put('scene', text(at(recipe, 'scene')));
    const share = num(at(recipe, 'shareA'));
    put('share A', share === undefined ? undefined : `${Math.round(share * 100)}%`);
  } else {
    put('theme', text(at(recipe, 'theme', 'id')) ?? text(at(recipe, 'theme')));
  }
  if (at(recipe, 'refine', 'ran') === true) {
    put('refined, strength', num(at(recipe, 'refine', 'params', 'strength')));
    put('sampler', text(at(recipe, 'refine', 'params', 'sampler')));
    put('refine model', text(at(recipe, 'refine', 'model', 'id')));
  }
  const upscale = at(recipe, 'upscale');
  if (isObject(upscale)) {
    put('upscaled to', text(upscale.target)?.toUpperCase());
    put('upscale model', text(upscale.model));
  }
  return facts;
}

const oneOf = <T extends string>(options: readonly T[], v: unknown): T | undefined => (options.includes(v as T) ? (v as T) : undefined);

/**
 * What "Remix this recipe" carries back to the session. A couple portrait: its theme and seed. A
 * baby portrait: its age, scene and resemblance share, the base seed of its set and enough
 * variations to include it (older recipes without those keep what they have).
 */
export function remixOf(recipe: unknown, seed: number | null): Remix {
  if (at(recipe, 'kind') !== 'pairlight-baby') return { themeId: text(at(recipe, 'theme', 'id')) ?? null, seed: num(at(recipe, 'seed')) ?? seed };
  const baseSeed = num(at(recipe, 'baseSeed'));
  const age = oneOf(BABY_AGES, at(recipe, 'age'));
  const scene = oneOf(BABY_SCENES, at(recipe, 'scene'));
  const shareA = num(at(recipe, 'shareA'));
  const index = num(at(recipe, 'variationIndex'));
  const count = Math.min(MAX_BABY_VARIATIONS, Math.max(num(at(recipe, 'variations')) ?? 4, index === undefined ? 1 : index + 1));
  const baby = age && scene && shareA !== undefined ? { age, scene, shareA, variations: count } : undefined;
  return { themeId: null, seed: baseSeed ?? num(at(recipe, 'seed')) ?? seed, ...(baby && { baby }) };
}
