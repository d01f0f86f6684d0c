// generateCoupleDrafts: two analysed people + a theme → one draft per seed. Pure compositing
// (no file, no database); the caller decides where drafts go.
import { renderDraft, type DraftResult, type PersonInput } from '../../../native/compose';
import type { ResolvedTheme } from '../../../themes/schema';
import { PairlightError } from '../errors';
import type { PortraitSubject } from './analyze';

export interface CoupleDraftsRequest {
  a: PortraitSubject;
  b: PortraitSubject;
  theme: ResolvedTheme;
  seeds: readonly number[];
  /** Called after each draft with how many are done. */
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

export interface CoupleDraft extends DraftResult {
  seed: number;
}

const personInput = (p: PortraitSubject): PersonInput => ({ photo: p.photo, face: p.face, matte: p.matte, neighbours: p.neighbours });

const cancelled = (): PairlightError => new PairlightError('CANCELLED', 'The drafts were cancelled.');
/** Lets progress events and a cancel click through between drafts (each draft is ~0.5 s of CPU). */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function generateCoupleDrafts(request: CoupleDraftsRequest): Promise<CoupleDraft[]> {
  const people: [PersonInput, PersonInput] = [personInput(request.a), personInput(request.b)];
  const drafts: CoupleDraft[] = [];
  for (const seed of request.seeds) {
    if (request.signal?.aborted) throw cancelled();
    drafts.push({ ...renderDraft({ people, theme: request.theme, seed }), seed });
    request.onProgress?.(drafts.length, request.seeds.length);
    await nextTurn();
  }
  return drafts;
}

/**
 * Seeds for a generation: consecutive from `first` (a theme with a fixed seed policy starts at
 * its base seed), so "reuse seed" reproduces the whole set.
 */
export function seedsFrom(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (first + i) >>> 0);
}
