// generateCoupleDrafts: two analysed people + a theme → one draft per seed. Pure compositing
// (no file, no database); the caller decides where drafts go.
import type { DraftResult, PersonInput } from '../../../native/compose';
import { callOp } from '../../../native/offload/client';
import { OpCancelled, type DraftItem } from '../../../native/offload/ops';
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

/** The drafts are made on the pixel worker thread (each is ~0.5 s of CPU), so progress events and a cancel click get through meanwhile. */
export async function generateCoupleDrafts(request: CoupleDraftsRequest): Promise<CoupleDraft[]> {
  const people: [PersonInput, PersonInput] = [personInput(request.a), personInput(request.b)];
  const drafts: CoupleDraft[] = [];
  try {
    await callOp('drafts', { people, theme: request.theme, seeds: [...request.seeds] }, {
      signal: request.signal,
      onItem: (value) => {
        const { seed, draft } = value as DraftItem;
        drafts.push({ ...draft, seed });
        request.onProgress?.(drafts.length, request.seeds.length);
      },
    });
    return drafts;
  } catch (error) {
    if (error instanceof OpCancelled) throw cancelled();
    throw error;
  }
}

/**
 * Seeds for a generation: consecutive from `first` (a theme with a fixed seed policy starts at
 * its base seed), so "reuse seed" reproduces the whole set.
 */
export function seedsFrom(first: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (first + i) >>> 0);
}
