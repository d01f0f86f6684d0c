// generateCoupleDrafts: two analysed people + a theme → one draft per seed. Pure compositing
// (no file, no database); the caller decides where drafts go.
import type { DraftResult, PersonInput } from '../../../native/compose';
import { callOp, pixelWorkerCount } from '../../../native/offload/client';
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

/** Seeds dealt round-robin into `n` groups, so each group holds early and late seeds alike. */
export function dealSeeds(seeds: readonly number[], n: number): number[][] {
  const groups: number[][] = Array.from({ length: Math.max(1, Math.min(n, seeds.length)) }, () => []);
  seeds.forEach((seed, i) => groups[i % groups.length].push(seed));
  return groups.filter((g) => g.length > 0);
}

/**
 * The drafts are made on the pixel worker threads (each is ~0.25 s of CPU), the seeds shared
 * among them, so progress events and a cancel click get through meanwhile and every core works.
 * Each draft depends on its seed alone, so the split changes no pixel; drafts come back in seed order.
 */
export async function generateCoupleDrafts(request: CoupleDraftsRequest): Promise<CoupleDraft[]> {
  const people: [PersonInput, PersonInput] = [personInput(request.a), personInput(request.b)];
  const drafts: CoupleDraft[] = [];
  const groups = dealSeeds(request.seeds, pixelWorkerCount());
  try {
    // The groups share every input but their seeds: when one fails, the others fail alike.
    await Promise.all(groups.map((seeds) =>
      callOp('drafts', { people, theme: request.theme, seeds }, {
        signal: request.signal,
        onItem: (value) => {
          const { seed, draft } = value as DraftItem;
          drafts.push({ ...draft, seed });
          request.onProgress?.(drafts.length, request.seeds.length);
        },
      }),
    ));
    const order = new Map(request.seeds.map((seed, i) => [seed, i]));
    return drafts.sort((x, y) => order.get(x.seed)! - order.get(y.seed)!);
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
