// Identity similarity between two face embeddings.

/**
 * Cosine similarity (faceres descriptors of aligned crops) below which two faces are taken for
 * different people. Measured on the calibration photos (tests/integration/face/identity.test.ts,
 * 35 faces): same person 55 pairs min 0.605, median 0.748; different people 540 pairs median 0.377,
 * p99 0.581 (the max, 0.998, is person-a against the group photo she was cut from).
 */
export const SAME_PERSON_THRESHOLD = 0.6;

/** Cosine similarity in -1..1 (embeddings need not be normalised). */
export function identitySimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0) throw new RangeError(`embeddings differ in length (${a.length} vs ${b.length})`);
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  if (na === 0 || nb === 0) return 0;
  return dot / Math.sqrt(na * nb);
}

export function samePerson(a: ArrayLike<number>, b: ArrayLike<number>, threshold = SAME_PERSON_THRESHOLD): boolean {
  return identitySimilarity(a, b) >= threshold;
}

export function l2Normalize(v: ArrayLike<number>): Float32Array {
  let n = 0;
  for (let i = 0; i < v.length; i++) n += v[i] * v[i];
  n = Math.sqrt(n) || 1;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i] / n;
  return out;
}
