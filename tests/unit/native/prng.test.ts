import { describe, expect, it } from 'vitest';
import { createRng, hashString } from '../../../native/random/prng';

describe('portable seeded PRNG', () => {
  it('gives a fixed stream for a seed (golden values pin the algorithm across machines)', () => {
    const r = createRng(42);
    const first = [r.nextU32(), r.nextU32(), r.nextU32()];
    // Recomputing these by hand would need the algorithm again; instead we pin them so any
    // change of algorithm, seeding or integer handling is caught.
    expect(first).toEqual(GOLDEN_42);
  });

  it('same seed, same values; different seeds differ', () => {
    const a = createRng(7), b = createRng(7), c = createRng(8);
    const xs = Array.from({ length: 100 }, () => a.next());
    expect(Array.from({ length: 100 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 100 }, () => c.next())).not.toEqual(xs);
  });

  it('uniforms are in [0,1) with mean 1/2; gaussians have mean 0 and variance 1', () => {
    const r = createRng(123);
    const n = 200_000;
    let s = 0, lo = 1, hi = 0;
    for (let i = 0; i < n; i++) { const u = r.next(); s += u; lo = Math.min(lo, u); hi = Math.max(hi, u); }
    expect(lo).toBeGreaterThanOrEqual(0);
    expect(hi).toBeLessThan(1);
    expect(Math.abs(s / n - 0.5)).toBeLessThan(0.005);
    const g = new Float64Array(n);
    r.fillGaussian(g);
    const mean = g.reduce((a, b) => a + b, 0) / n;
    const v = g.reduce((a, b) => a + (b - mean) ** 2, 0) / n;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(Math.abs(v - 1)).toBeLessThan(0.015);
  });

  it('rejects seeds that are not 32-bit whole numbers', () => {
    expect(() => createRng(-1)).toThrow(/seed must be a whole number/);
    expect(() => createRng(1.5)).toThrow(/seed/);
    expect(() => createRng(2 ** 32)).toThrow(/seed/);
  });

  it('forks are deterministic and label-dependent', () => {
    const a = createRng(5).fork('backdrop').next();
    expect(createRng(5).fork('backdrop').next()).toBe(a);
    expect(createRng(5).fork('grain').next()).not.toBe(a);
    expect(hashString('abc')).toBe(0x1a47e90b);
  });
});

const GOLDEN_42 = [2837322924, 544945897, 479756282];
