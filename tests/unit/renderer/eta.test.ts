import { describe, expect, it } from 'vitest';
import { estimateRemainingSeconds, overallFraction } from '../../../renderer/src/lib/eta';

describe('estimateRemainingSeconds', () => {
  it('extrapolates the observed rate', () => {
    // 25 % in 10 s → 75 % left takes 30 s.
    expect(estimateRemainingSeconds({ at: 0, fraction: 0 }, { at: 10_000, fraction: 0.25 })).toBeCloseTo(30, 6);
  });
  it('uses the rate since the first sample, not since the job started', () => {
    expect(estimateRemainingSeconds({ at: 0, fraction: 0.5 }, { at: 10_000, fraction: 0.75 })).toBeCloseTo(10, 6);
  });
  it('stays silent until there is enough signal, and when done', () => {
    expect(estimateRemainingSeconds({ at: 0, fraction: 0 }, { at: 2000, fraction: 0.5 })).toBeNull();
    expect(estimateRemainingSeconds({ at: 0, fraction: 0 }, { at: 60_000, fraction: 0.01 })).toBeNull();
    expect(estimateRemainingSeconds({ at: 0, fraction: 0 }, { at: 60_000, fraction: 1 })).toBeNull();
  });
});

describe('overallFraction', () => {
  it('weights steps equally', () => {
    expect(overallFraction(0, 4, 0.5)).toBeCloseTo(0.125, 9);
    expect(overallFraction(3, 4, 1)).toBe(1);
    expect(overallFraction(1, 2, 2)).toBe(1);
    expect(overallFraction(0, 0, 0.5)).toBe(0);
  });
});
