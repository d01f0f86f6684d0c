import { describe, expect, it } from 'vitest';
import { BABY_DEFAULTS, followRemix, formatLikeness, formatShare, sourceSlot, toBabyResult, type BabySettings } from '../../../renderer/src/screens/baby/baby-data';
import { createSessionStore } from '../../../renderer/src/stores/session';

const media = (projectId: string, relPath: string) => `/media/${projectId}/${relPath}`;

const recipe = {
  kind: 'pairlight-baby', version: 1, age: '1y', scene: 'nursery', shareA: 0.8, seed: 42, baseSeed: 40,
  reportCard: 'outputs/g/baby-1y-42-report.png',
  report: {
    lines: [
      { trait: 'eye colour', value: 'brown', from: 'Parent A', confidence: 0.7, probability: 0.75 },
      { trait: 'nose', value: 'narrow nose', from: 'Both (blend)', confidence: 0.9 },
    ],
    resemblance: { a: 0.66, b: 0.43 },
    caveats: ['Parent B: head turned'],
    model: 'brown over green over blue',
  },
};

describe('baby result mapping', () => {
  it('reads the report, resemblance and report card from a baby recipe', () => {
    const result = toBabyResult({ id: 'i1', projectId: 'p' }, recipe, media, 'outputs/g/baby-1y-42.png');
    expect(result).toMatchObject({ id: 'i1', seed: 42, age: '1y', shareA: 0.8, url: '/media/p/outputs/g/baby-1y-42.png', reportCardUrl: '/media/p/outputs/g/baby-1y-42-report.png' });
    expect(result?.lines).toHaveLength(2);
    expect(result?.resemblance).toEqual({ a: 0.66, b: 0.43 });
  });

  it('ignores recipes that are not baby recipes or are malformed', () => {
    expect(toBabyResult({ id: 'i', projectId: 'p' }, { kind: 'pairlight-couple' }, media, 'x.png')).toBeNull();
    expect(toBabyResult({ id: 'i', projectId: 'p' }, { ...recipe, report: { lines: 'nope' } }, media, 'x.png')).toBeNull();
    expect(toBabyResult({ id: 'i', projectId: 'p' }, null, media, 'x.png')).toBeNull();
  });

  it('formats shares and likeness the way the cards say them', () => {
    expect(formatShare(0.5)).toBe('A 50% · B 50%');
    expect(formatShare(0.8)).toBe('A 80% · B 20%');
    expect(formatShare(1.4)).toBe('A 100% · B 0%');
    expect(formatLikeness(0.655)).toBe('66%');
    expect(formatLikeness(-0.2)).toBe('0%');
    expect(sourceSlot('Parent B')).toBe('B');
    expect(sourceSlot('Both (blend)')).toBe('both');
    expect(sourceSlot('Neither parent shows it')).toBe('none');
  });

  it("a baby session's controls follow its remix, and a later session without one starts from the defaults", () => {
    const session = createSessionStore(() => 0.25);
    const remix: BabySettings = { age: '3y', scene: 'outdoor', shareA: 0.8, variations: 6 };
    // The gallery queues the remix; the session's first render still sees the store as it was.
    session.getState().queueRemix({ themeId: null, seed: 40, baby: remix });
    let controls = followRemix(null, session.getState().babySettings);
    expect(controls.settings).toEqual(BABY_DEFAULTS);
    // Then the session data's effect resets the store, which applies the remix.
    session.getState().reset();
    controls = followRemix(controls, session.getState().babySettings);
    expect(controls.settings).toEqual(remix);
    // The user's edits stay while the remix does not change.
    const edited = { ...controls, settings: { ...controls.settings, variations: 2 } };
    expect(followRemix(edited, session.getState().babySettings)).toBe(edited);

    // A later baby session, not a remix: its first render still sees the earlier remix...
    let next = followRemix(null, session.getState().babySettings);
    expect(next.settings).toEqual(remix);
    // ...which its reset clears: the controls go back to the defaults.
    session.getState().reset();
    next = followRemix(next, session.getState().babySettings);
    expect(session.getState().babySettings).toBeNull();
    expect(next.settings).toEqual(BABY_DEFAULTS);
  });
});
