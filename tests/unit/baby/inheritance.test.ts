import { describe, expect, it } from 'vitest';
import { chooseShapeTrait, eyeColourProbabilities, hairColourProbabilities } from '../../../native/baby/inheritance';
import { createRng } from '../../../native/random/prng';

describe('inheritance model', () => {
  it('two blue-eyed parents always have a blue-eyed child', () => {
    expect(eyeColourProbabilities('blue', 'grey')).toEqual({ brown: 0, green: 0, blue: 1 });
  });

  it('brown dominates: brown × blue gives mostly brown, and the probabilities sum to 1', () => {
    const p = eyeColourProbabilities('brown', 'blue');
    expect(p.brown + p.green + p.blue).toBeCloseTo(1, 12);
    // brown parent carries b with prior 0.35 → child blue with 0.35 × 0.5
    expect(p.blue).toBeCloseTo(0.175, 12);
    // the child is brown whenever the brown parent passes B: 0.45 + (0.2 + 0.35) × 0.5
    expect(p.brown).toBeCloseTo(0.725, 12);
    // a brown parent carrying G (prior 0.2) passes it half the time → green
    expect(p.green).toBeCloseTo(0.1, 12);
  });

  it('green × blue can give green or blue, never brown', () => {
    const p = eyeColourProbabilities('green', 'blue');
    expect(p.brown).toBe(0);
    expect(p.green).toBeCloseTo(0.4 + 0.6 * 0.5, 12);
  });

  it('hair: two light-haired parents have a light-haired child', () => {
    expect(hairColourProbabilities('blonde', 'light brown').light).toBe(1);
  });

  it('the resemblance share moves which parent shape traits follow', () => {
    const count = (share: number) => {
      const rng = createRng(11);
      let a = 0, b = 0;
      for (let i = 0; i < 4000; i++) {
        const c = chooseShapeTrait(rng, share);
        if (c.source === 'A') a++;
        if (c.source === 'B') b++;
      }
      return { a, b };
    };
    const high = count(0.8), low = count(0.2);
    expect(high.a).toBeGreaterThan(high.b * 3);
    expect(low.b).toBeGreaterThan(low.a * 3);
    expect(Math.abs(high.a / 4000 - 0.6)).toBeLessThan(0.03);
  });
});

describe('trait report wording', () => {
  it('a blend of two parents described alike says it once', async () => {
    const { traitReport } = await import('../../../native/baby/report');
    const { analyseParent } = await import('../../../native/baby/traits');
    const { makeVariation } = await import('../../../native/baby/inheritance');
    const { syntheticFace, syntheticPoints } = await import('./synthetic-face');
    const pts = syntheticPoints();
    const img = { width: 600, height: 600, channels: 3 as const, data: new Uint8Array(600 * 600 * 3).fill(150) };
    const t = analyseParent(img, syntheticFace(pts));
    const v = makeVariation(t, t, 0.5, createRng(2), 2);
    v.shapes.nose = { source: 'blend', weightA: 0.5, probability: 0.25 };
    const nose = traitReport(t, t, v, { a: 0.5, b: 0.5 }).lines.find((l) => l.trait === 'Nose')!;
    expect(nose.value).not.toMatch(/between/);
    expect(nose.from).toBe('Both (blend)');
  });
});
