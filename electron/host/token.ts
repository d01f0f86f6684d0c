import { randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, URL-safe: unguessable, new at every launch. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant-time comparison so response timing does not reveal how much of a guess matched. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
