import { describe, expect, it } from 'vitest';
import { formatLikeness, formatShare, sourceSlot, toBabyResult } from '../../../renderer/src/screens/baby/baby-data';

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
});
