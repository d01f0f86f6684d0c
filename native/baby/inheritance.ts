// The inheritance model, stated plainly so the UI can show it:
//
// Eye colour: a simplified one-gene, three-allele dominance model, brown (B) over green (G)
// over blue (b). A parent's visible colour does not fix their alleles, so each colour maps
// to genotype priors (below); the child draws one allele from each parent. This yields
// probabilities for brown / green / blue, and each variation samples one outcome. Real eye
// colour is polygenic (OCA2/HERC2 and others): this is a readable approximation, not a test.
//
// Hair colour: dark (D) over red (R) over light (L), the same way.
//
// Shape traits (face, eyes, brows, nose, lips, jaw) follow one parent or blend: with A's
// share s, a trait blends (weight s) with probability 1/4, otherwise it follows A with
// probability s and B with 1 − s. Skin tone is polygenic, so it always blends, around s.
import type { Rng } from '../random/prng';
import type { EyeColour, HairColour, ParentTraits } from './traits';

export type Source = 'A' | 'B' | 'blend';

export const SHAPE_TRAITS = ['face shape', 'eyes', 'brows', 'nose', 'lips', 'jaw and chin'] as const;
export type ShapeTrait = (typeof SHAPE_TRAITS)[number];

export interface TraitChoice {
  source: Source;
  /** Weight of parent A in the child's value (1 = all A). */
  weightA: number;
  /** Probability of this choice under the model. */
  probability: number;
}

type Allele3 = 0 | 1 | 2; // 0 dominant … 2 recessive

/** Genotype priors per visible class: pairs of alleles with their probability. */
const EYE_PRIORS: Record<'brown' | 'green' | 'blue', [Allele3, Allele3, number][]> = {
  brown: [[0, 0, 0.45], [0, 1, 0.2], [0, 2, 0.35]],
  green: [[1, 1, 0.4], [1, 2, 0.6]],
  blue: [[2, 2, 1]],
};
const EYE_CLASS: Record<EyeColour, 'brown' | 'green' | 'blue'> = { brown: 'brown', hazel: 'green', green: 'green', blue: 'blue', grey: 'blue' };
const EYE_NAMES = ['brown', 'green', 'blue'] as const;

const HAIR_PRIORS: Record<'dark' | 'red' | 'light', [Allele3, Allele3, number][]> = {
  dark: [[0, 0, 0.5], [0, 1, 0.15], [0, 2, 0.35]],
  red: [[1, 1, 0.7], [1, 2, 0.3]],
  light: [[2, 2, 1]],
};
const HAIR_CLASS: Record<HairColour, 'dark' | 'red' | 'light'> = {
  black: 'dark', 'dark brown': 'dark', brown: 'dark', 'light brown': 'light', blonde: 'light', red: 'red', grey: 'dark',
};
const HAIR_NAMES = ['dark', 'red', 'light'] as const;

/** Exact probabilities of the child's class (index 0..2) given both parents' classes. */
export function childClassProbabilities(priorsA: [Allele3, Allele3, number][], priorsB: [Allele3, Allele3, number][]): [number, number, number] {
  const p: [number, number, number] = [0, 0, 0];
  for (const [a1, a2, pa] of priorsA) {
    for (const [b1, b2, pb] of priorsB) {
      for (const x of [a1, a2]) {
        for (const y of [b1, b2]) p[Math.min(x, y)] += pa * pb * 0.25;
      }
    }
  }
  return p;
}

export function eyeColourProbabilities(a: EyeColour, b: EyeColour): Record<'brown' | 'green' | 'blue', number> {
  const p = childClassProbabilities(EYE_PRIORS[EYE_CLASS[a]], EYE_PRIORS[EYE_CLASS[b]]);
  return { brown: p[0], green: p[1], blue: p[2] };
}

export function hairColourProbabilities(a: HairColour, b: HairColour): Record<'dark' | 'red' | 'light', number> {
  const p = childClassProbabilities(HAIR_PRIORS[HAIR_CLASS[a]], HAIR_PRIORS[HAIR_CLASS[b]]);
  return { dark: p[0], red: p[1], light: p[2] };
}

function pickIndex(rng: Rng, probs: readonly number[]): number {
  let u = rng.next() * probs.reduce((s, x) => s + x, 0);
  for (let i = 0; i < probs.length; i++) {
    u -= probs[i];
    if (u < 0) return i;
  }
  return probs.length - 1;
}

export function chooseShapeTrait(rng: Rng, shareA: number): TraitChoice {
  const pBlend = 0.25;
  const i = pickIndex(rng, [pBlend, (1 - pBlend) * shareA, (1 - pBlend) * (1 - shareA)]);
  if (i === 0) return { source: 'blend', weightA: shareA, probability: pBlend };
  return i === 1 ? { source: 'A', weightA: 1, probability: (1 - pBlend) * shareA } : { source: 'B', weightA: 0, probability: (1 - pBlend) * (1 - shareA) };
}

export interface ColourOutcome<C extends string> {
  category: C;
  probability: number;
  /** Which parent's measured colour the child takes ('blend' when both show it). */
  source: Source;
}

export interface Variation {
  seed: number;
  shareA: number;
  shapes: Record<ShapeTrait, TraitChoice>;
  skinTone: TraitChoice;
  eyeColour: ColourOutcome<'brown' | 'green' | 'blue'>;
  hairColour: ColourOutcome<'dark' | 'red' | 'light'>;
  /** Probability of this exact combination of shape choices and colours under the model. */
  probability: number;
}

function colourSource(childClass: string, classA: string, classB: string): Source {
  if (classA === childClass && classB === childClass) return 'blend';
  if (classA === childClass) return 'A';
  if (classB === childClass) return 'B';
  // A class neither parent shows (e.g. two brown-eyed parents with a blue-eyed child) is
  // coloured from the category's typical value by the morph.
  return 'blend';
}

/** One seeded variation: which parent each trait follows, and the child's colours. */
export function makeVariation(a: ParentTraits, b: ParentTraits, shareA: number, rng: Rng, seed: number): Variation {
  if (!(shareA >= 0 && shareA <= 1)) throw new RangeError(`share of parent A must be between 0 and 1, got ${shareA}`);
  const shapes = {} as Record<ShapeTrait, TraitChoice>;
  let probability = 1;
  for (const t of SHAPE_TRAITS) {
    shapes[t] = chooseShapeTrait(rng, shareA);
    probability *= shapes[t].probability;
  }
  const jitter = (rng.next() - 0.5) * 0.2;
  const skinTone: TraitChoice = { source: 'blend', weightA: Math.min(1, Math.max(0, shareA + jitter)), probability: 1 };

  const eyeA = EYE_CLASS[a.colour.eyeColour.value.category];
  const eyeB = EYE_CLASS[b.colour.eyeColour.value.category];
  const eyeP = eyeColourProbabilities(a.colour.eyeColour.value.category, b.colour.eyeColour.value.category);
  const eyeI = pickIndex(rng, EYE_NAMES.map((n) => eyeP[n]));
  const eyeColour = { category: EYE_NAMES[eyeI], probability: eyeP[EYE_NAMES[eyeI]], source: colourSource(EYE_NAMES[eyeI], eyeA, eyeB) };

  const hairA = HAIR_CLASS[a.colour.hairColour.value.category];
  const hairB = HAIR_CLASS[b.colour.hairColour.value.category];
  const hairP = hairColourProbabilities(a.colour.hairColour.value.category, b.colour.hairColour.value.category);
  const hairI = pickIndex(rng, HAIR_NAMES.map((n) => hairP[n]));
  const hairColour = { category: HAIR_NAMES[hairI], probability: hairP[HAIR_NAMES[hairI]], source: colourSource(HAIR_NAMES[hairI], hairA, hairB) };

  probability *= eyeColour.probability * hairColour.probability;
  return { seed, shareA, shapes, skinTone, eyeColour, hairColour, probability };
}
