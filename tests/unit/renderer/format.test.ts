import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatDay, formatDuration, formatIdentityScore, formatPercent } from '../../../renderer/src/lib/format';

describe('formatDuration', () => {
  it.each([
    [0.4, 'under 1 s'],
    [12.4, '12 s'],
    [59.4, '59 s'],
    [90, '2 min'],
    [3599, '1 h 00 min'],
    [3600 + 5 * 60, '1 h 05 min'],
    [2 * 3600 + 59.7 * 60, '3 h 00 min'],
  ])('%s s reads "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('says nothing for impossible values', () => {
    expect(formatDuration(-1)).toBe('');
    expect(formatDuration(Number.NaN)).toBe('');
    expect(formatDuration(Number.POSITIVE_INFINITY)).toBe('');
  });
});

describe('formatDay', () => {
  const now = new Date(2026, 10, 24, 15, 0);
  it('names today and yesterday, dates otherwise', () => {
    expect(formatDay(new Date(2026, 10, 24, 0, 5).toISOString(), now)).toBe('Today');
    expect(formatDay(new Date(2026, 10, 23, 23, 59).toISOString(), now)).toBe('Yesterday');
    expect(formatDay(new Date(2026, 10, 2).toISOString(), now, 'en-GB')).toBe('2 Nov');
    expect(formatDay(new Date(2025, 0, 7).toISOString(), now, 'en-GB')).toBe('7 Jan 2025');
  });
  it('an unreadable date shows nothing rather than "Invalid Date"', () => {
    expect(formatDay('not a date', now)).toBe('');
  });
});

describe('small formats', () => {
  it('counts read naturally', () => {
    expect(formatCount(0, 'image', 'images')).toBe('No images');
    expect(formatCount(1, 'image', 'images')).toBe('1 image');
    expect(formatCount(10_000, 'image', 'images')).toBe('10,000 images');
  });
  it('percent is floored and clamped, so 99.9 % never shows 100 % early', () => {
    expect(formatPercent(0.999)).toBe('99%');
    expect(formatPercent(1.2)).toBe('100%');
    expect(formatPercent(-0.1)).toBe('0%');
    expect(formatPercent(Number.NaN)).toBe('0%');
  });
  it('bytes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
  });
  it('identity score maps cosine 0..1 to 0..100 and clamps negatives', () => {
    expect(formatIdentityScore(0.734)).toBe('73');
    expect(formatIdentityScore(-0.2)).toBe('0');
  });
});
