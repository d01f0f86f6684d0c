// Portable seeded randomness for every jitter and noise in Pairlight (never Math.random).
// xoshiro128** on 32-bit integer arithmetic (Math.imul, >>> 0) gives the same stream on
// every OS and CPU. Gaussians use Box-Muller with Math.log/sqrt/cos: V8 implements these
// with its own fdlibm port rather than the platform libm, so they too are identical across
// machines running the same Electron/Node major.

export interface Rng {
  /** Uniform 32-bit unsigned integer. */
  nextU32(): number;
  /** Uniform in [0, 1) with 32 bits of resolution. */
  next(): number;
  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number;
  /** Standard normal N(0, 1). */
  gaussian(): number;
  /** Fills an array with standard normal values. */
  fillGaussian(out: Float32Array | Float64Array): void;
  /** An independent stream derived from this one and a label (e.g. 'backdrop'). */
  fork(label: string): Rng;
}

/** splitmix32: spreads a seed (any 32-bit value) into well-mixed state words. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a over the UTF-16 code units of a string: a stable 32-bit hash for labels. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Seeds are whole numbers in [0, 2^32); other values are rejected rather than silently truncated. */
export function assertSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(`seed must be a whole number from 0 to 4294967295, got ${seed}`);
  }
}

export function createRng(seed: number): Rng {
  assertSeed(seed);
  const mix = splitmix32(seed);
  let a = mix(), b = mix(), c = mix(), d = mix();
  if ((a | b | c | d) === 0) a = 1; // the all-zero state would emit zeros forever
  let spare: number | null = null;

  const nextU32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a; d ^= b; b ^= c; a ^= d;
    c ^= t;
    d = rotl(d, 11);
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    return result;
  };
  const next = (): number => nextU32() / 4294967296;
  const gaussian = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    // 1 - u keeps the log argument in (0, 1].
    const u1 = 1 - next();
    const u2 = next();
    const r = Math.sqrt(-2 * Math.log(u1));
    const theta = 2 * Math.PI * u2;
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  const rng: Rng = {
    nextU32,
    next,
    range: (lo, hi) => lo + (hi - lo) * next(),
    gaussian,
    fillGaussian(out) {
      for (let i = 0; i < out.length; i++) out[i] = gaussian();
    },
    fork(label) {
      return createRng((nextU32() ^ hashString(label)) >>> 0);
    },
  };
  return rng;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
