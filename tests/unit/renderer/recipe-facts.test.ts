import { describe, expect, it } from 'vitest';
import { recipeFacts, remixOf } from '../../../renderer/src/screens/gallery/recipe-facts';
import { createSessionStore } from '../../../renderer/src/stores/session';

const upscaled = {
  kind: 'pairlight-portrait', seed: 77, theme: { id: 'golden-hour', resolved: {} },
  refine: { ran: true, model: { id: 'pixel-diffusion', sha256: 'x' }, params: { strength: 0.55, sampler: 'euler-a' } },
  upscale: { model: 'x4fast', target: '2k', width: 2048, height: 2560 },
};

describe('recipe facts for the lineage panel', () => {
  it('a refined, upscaled portrait says theme, strength, sampler and upscale model', () => {
    expect(recipeFacts(upscaled)).toEqual({ theme: 'golden-hour', 'refined, strength': 0.55, sampler: 'euler-a', 'refine model': 'pixel-diffusion', 'upscaled to': '2K', 'upscale model': 'x4fast' });
  });

  it('a draft whose refine did not run, a baby, and junk', () => {
    expect(recipeFacts({ ...upscaled, refine: { ran: false, message: 'no model' }, upscale: undefined })).toEqual({ theme: 'golden-hour' });
    expect(recipeFacts({ kind: 'pairlight-baby', age: '1y', scene: 'nursery', shareA: 0.8 })).toEqual({ age: '1y', scene: 'nursery', 'share A': '80%' });
    expect(recipeFacts(null)).toEqual({});
    expect(recipeFacts('x')).toEqual({});
  });

  it('remix carries theme and seed into the next session reset, once', () => {
    const store = createSessionStore(() => 0.5);
    store.getState().queueRemix(remixOf(upscaled, null));
    store.getState().reset();
    expect(store.getState()).toMatchObject({ themeId: 'golden-hour', seed: 77, reuseSeed: true });
    store.getState().reset();
    expect(store.getState()).toMatchObject({ themeId: null, reuseSeed: false });
    expect(remixOf({ kind: 'pairlight-baby', seed: 5 }, 9)).toEqual({ themeId: null, seed: 5 });
    expect(remixOf(undefined, 9)).toEqual({ themeId: null, seed: 9 });
  });

  it("a baby portrait's remix brings back its age, scene, share and the base seed of its set, with enough variations to include it", () => {
    const baby = { kind: 'pairlight-baby', seed: 123456, baseSeed: 42, variationIndex: 5, variations: 4, age: '3y', scene: 'outdoor', shareA: 0.7 };
    const remix = remixOf(baby, 123456);
    expect(remix).toEqual({ themeId: null, seed: 42, baby: { age: '3y', scene: 'outdoor', shareA: 0.7, variations: 6 } });
    const store = createSessionStore(() => 0.5);
    store.getState().queueRemix(remix);
    store.getState().reset();
    expect(store.getState()).toMatchObject({ seed: 42, reuseSeed: true, babySettings: { age: '3y', scene: 'outdoor', shareA: 0.7, variations: 6 } });
    store.getState().reset();
    expect(store.getState().babySettings).toBeNull();
    // A recipe with an unknown age is not turned into settings the controls cannot show.
    expect(remixOf({ ...baby, age: 'teen' }, null).baby).toBeUndefined();
  });
});
