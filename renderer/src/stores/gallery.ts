// Gallery state: the images, the filters and sort the user chose, the lightbox, and deletes
// that wait a few seconds for an undo before they are committed.
import { createStore } from 'zustand/vanilla';
import type { ToastStore } from './toasts';

export type ImageStage = 'draft' | 'refined' | 'upscaled' | 'export';

export interface GalleryImage {
  id: string;
  projectId: string;
  url: string;
  /** A small preview; null when the app makes it on demand (see useThumbnail). */
  thumbUrl: string | null;
  width: number;
  height: number;
  stage: ImageStage;
  theme: string | null;
  /** 0 = unrated. */
  rating: number;
  favourite: boolean;
  people: string[];
  createdAt: string;
  seed: number | null;
  parentId: string | null;
  /** Human-readable recipe facts for the lineage panel (strength, model, sampler...). */
  recipe: Record<string, string | number>;
}

export interface GalleryFilters {
  stages: ImageStage[];
  theme: string | null;
  minRating: number;
  favouritesOnly: boolean;
  person: string | null;
}

export type GallerySort = 'newest' | 'oldest' | 'rating';

export const NO_FILTERS: GalleryFilters = { stages: [], theme: null, minRating: 0, favouritesOnly: false, person: null };

export interface GalleryState {
  images: GalleryImage[];
  filters: GalleryFilters;
  sort: GallerySort;
  /** Id of the image open in the lightbox. */
  openId: string | null;
  /** Ids hidden now, deleted for real when the undo window closes. */
  pendingDelete: string[];
  /** Which list `images` holds (a project id, or '*' for every project), so a revisit shows it at once. */
  scope: string | null;
  setImages(images: GalleryImage[], scope?: string | null): void;
  setFilters(patch: Partial<GalleryFilters>): void;
  setSort(sort: GallerySort): void;
  open(id: string | null): void;
  rate(id: string, rating: number): void;
  toggleFavourite(id: string): void;
  requestDelete(id: string, commit: (id: string) => void): void;
}

/** Long enough to notice the toast and reach for Ctrl+Z or the Undo button. */
export const UNDO_WINDOW_MS = 6000;

export function createGalleryStore(toasts: ToastStore, schedule: (fn: () => void, ms: number) => unknown = setTimeout) {
  return createStore<GalleryState>()((set, get) => ({
    images: [],
    scope: null,
    filters: NO_FILTERS,
    sort: 'newest',
    openId: null,
    pendingDelete: [],
    setImages: (images, scope = null) => set({ images, scope }),
    setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
    setSort: (sort) => set({ sort }),
    open: (openId) => set({ openId }),
    rate: (id, rating) =>
      set((s) => ({ images: s.images.map((i) => (i.id === id ? { ...i, rating: Math.max(0, Math.min(5, Math.round(rating))) } : i)) })),
    toggleFavourite: (id) => set((s) => ({ images: s.images.map((i) => (i.id === id ? { ...i, favourite: !i.favourite } : i)) })),
    requestDelete(id, commit) {
      const visible = visibleImages(get());
      const index = visible.findIndex((i) => i.id === id);
      // The lightbox moves to the next image rather than closing, as in every photo app.
      const next = visible[index + 1] ?? visible[index - 1] ?? null;
      set((s) => ({ pendingDelete: [...s.pendingDelete, id], openId: s.openId === id ? (next?.id ?? null) : s.openId }));
      let undone = false;
      toasts.getState().show(
        {
          tone: 'info',
          message: 'Image deleted.',
          action: {
            label: 'Undo',
            run: () => {
              undone = true;
              set((s) => ({ pendingDelete: s.pendingDelete.filter((p) => p !== id) }));
            },
          },
        },
        UNDO_WINDOW_MS,
      );
      schedule(() => {
        if (undone) return;
        set((s) => ({ pendingDelete: s.pendingDelete.filter((p) => p !== id), images: s.images.filter((i) => i.id !== id) }));
        commit(id);
      }, UNDO_WINDOW_MS);
    },
  }));
}

export function matchesFilters(image: GalleryImage, f: GalleryFilters): boolean {
  if (f.stages.length && !f.stages.includes(image.stage)) return false;
  if (f.theme && image.theme !== f.theme) return false;
  if (image.rating < f.minRating) return false;
  if (f.favouritesOnly && !image.favourite) return false;
  if (f.person && !image.people.includes(f.person)) return false;
  return true;
}

export function sortImages(images: GalleryImage[], sort: GallerySort): GalleryImage[] {
  // ISO 8601 UTC timestamps order correctly as plain strings; localeCompare (ICU collation) made
  // sorting 10,000 images cost a visible pause before the gallery's first paint.
  const byDate = (a: GalleryImage, b: GalleryImage) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0);
  const sorted = [...images];
  if (sort === 'newest') sorted.sort(byDate);
  else if (sort === 'oldest') sorted.sort((a, b) => -byDate(a, b));
  else sorted.sort((a, b) => b.rating - a.rating || byDate(a, b));
  return sorted;
}

/** What the grid shows: filtered, sorted, without images waiting for their delete to commit. */
export function visibleImages(s: Pick<GalleryState, 'images' | 'filters' | 'sort' | 'pendingDelete'>): GalleryImage[] {
  const hidden = new Set(s.pendingDelete);
  return sortImages(s.images.filter((i) => !hidden.has(i.id) && matchesFilters(i, s.filters)), s.sort);
}

/** Listed rows carry no recipe facts (an empty object each time: the lineage panel reads them), so those are not compared. */
function sameImage(a: GalleryImage, b: GalleryImage): boolean {
  for (const key of Object.keys(a) as (keyof GalleryImage)[]) {
    if (key === 'people' || key === 'recipe') continue;
    if (a[key] !== b[key]) return false;
  }
  return a.people.join('\n') === b.people.join('\n');
}

/**
 * `held` with a page of fresh `rows` laid over it: a row already held replaces its copy, or keeps
 * the very same object when nothing changed (so its memoised cell does not re-render), and a new
 * row is added. `complete`: every id of the whole fresh list, once all of it has arrived; rows
 * held but no longer listed are then dropped. Returns `held` itself when nothing changed.
 */
export function refreshImages(held: GalleryImage[], rows: GalleryImage[], complete: ReadonlySet<string> | null = null): GalleryImage[] {
  const incoming = new Map(rows.map((r) => [r.id, r]));
  let changed = false;
  const out: GalleryImage[] = [];
  for (const image of held) {
    const fresh = incoming.get(image.id);
    incoming.delete(image.id);
    if (complete && !fresh && !complete.has(image.id)) {
      changed = true;
      continue;
    }
    const kept = fresh && !sameImage(image, fresh) ? fresh : image;
    if (kept !== image) changed = true;
    out.push(kept);
  }
  for (const added of incoming.values()) {
    out.push(added);
    changed = true;
  }
  return changed ? out : held;
}

/** The chain from the original draft to this image, oldest first, for the lineage panel. */
export function lineage(images: GalleryImage[], id: string): GalleryImage[] {
  const byId = new Map(images.map((i) => [i.id, i]));
  const chain: GalleryImage[] = [];
  const seen = new Set<string>();
  let current = byId.get(id);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return chain;
}

export type GalleryStore = ReturnType<typeof createGalleryStore>;
