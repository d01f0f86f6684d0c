// The Session screen's state: the two people's photos, the chosen theme, the generate settings
// and the drafts. Commands (photos.import, faces.*, generations.*) fill it as they land.
import { createStore } from 'zustand/vanilla';
import type { BabySettings } from '../screens/baby/baby-data';

export type PersonSlot = 'A' | 'B';

export interface FaceView {
  box: { x: number; y: number; width: number; height: number };
  /** 468 mesh points, plus 10 iris points when present; photo pixel coordinates. */
  points: [number, number, number][];
  advice: { code: string; message: string; severity: 'warning' | 'blocker' }[];
}

export interface SessionPhoto {
  id: string;
  person: PersonSlot;
  url: string;
  width: number;
  height: number;
  name: string;
  /** null while analysis has not run (or cannot yet). */
  faces: FaceView[] | null;
  selectedFace: number;
}

export interface ThemeView {
  id: string;
  name: string;
  description: string;
  /** e.g. "4:5". */
  aspect: string;
  previewUrl: string | null;
  /** 'user' for the user's own copies (editable, deletable). */
  source?: 'built-in' | 'user';
  /** Refine strength the theme asks for (the slider's starting value). */
  refineStrength?: number;
}

export interface DraftView {
  id: string;
  url: string | null;
  seed: number;
  /** Cosine similarity to each source person, from the embedding model. */
  identity: Partial<Record<PersonSlot, number>>;
  /** Set when the identity gate (or another check) rejected the draft; the reason is shown. */
  rejected: string | null;
}

/** What a gallery image's "Remix" reopens the session with. */
export interface Remix {
  themeId: string | null;
  seed: number | null;
  /** For a baby portrait: the settings that, with `seed` as the base seed, make it again. */
  baby?: BabySettings;
}

export interface SessionState {
  photos: SessionPhoto[];
  showMesh: boolean;
  themeId: string | null;
  count: 4 | 8;
  seed: number;
  reuseSeed: boolean;
  drafts: DraftView[];
  selectedDrafts: string[];
  /** A remixed baby portrait's settings for the baby session to start from; null for its defaults. */
  babySettings: BabySettings | null;
  setPhotos(photos: SessionPhoto[]): void;
  pickFace(photoId: string, faceIndex: number): void;
  toggleMesh(): void;
  pickTheme(id: string): void;
  setCount(count: 4 | 8): void;
  setSeed(seed: number): void;
  setReuseSeed(reuse: boolean): void;
  /** Called after a generation starts: a fresh seed next time unless the user asked to reuse it. */
  advanceSeed(): void;
  setDrafts(drafts: DraftView[]): void;
  toggleDraft(id: string): void;
  /** Remembers a gallery image's theme and seed (and a baby's settings) for the next session that opens (reset applies it). */
  queueRemix(remix: Remix): void;
  /** A fresh session, with a queued remix applied (its seed kept for reuse). */
  reset(): void;
}

/** Seeds are 32-bit unsigned so they round-trip through JSON, the recipe and the seed field. */
export const MAX_SEED = 0xffff_ffff;

export function randomSeed(random: () => number = cryptoRandom): number {
  return Math.floor(random() * (MAX_SEED + 1)) >>> 0;
}

function cryptoRandom(): number {
  const buffer = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buffer);
  return buffer[0] / (MAX_SEED + 1);
}

/** Parses what a person types in the seed field; null means "not a valid seed" so the field can say so. */
export function parseSeed(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,10}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= MAX_SEED ? value : null;
}

export function createSessionStore(random?: () => number) {
  const fresh = () => ({
    photos: [] as SessionPhoto[],
    showMesh: true,
    themeId: null,
    count: 4 as const,
    seed: randomSeed(random),
    reuseSeed: false,
    drafts: [] as DraftView[],
    selectedDrafts: [] as string[],
    babySettings: null as BabySettings | null,
  });
  // Outside the state: a remix must survive the reset that opening the session performs.
  let queuedRemix: Remix | null = null;
  return createStore<SessionState>()((set, get) => ({
    ...fresh(),
    setPhotos: (photos) => set({ photos }),
    pickFace: (photoId, faceIndex) =>
      set((s) => ({ photos: s.photos.map((p) => (p.id === photoId ? { ...p, selectedFace: faceIndex } : p)) })),
    toggleMesh: () => set((s) => ({ showMesh: !s.showMesh })),
    pickTheme: (id) => set({ themeId: id }),
    setCount: (count) => set({ count }),
    setSeed: (seed) => set({ seed }),
    setReuseSeed: (reuseSeed) => set({ reuseSeed }),
    advanceSeed: () => {
      if (!get().reuseSeed) set({ seed: randomSeed(random) });
    },
    setDrafts: (drafts) => set((s) => ({ drafts, selectedDrafts: s.selectedDrafts.filter((id) => drafts.some((d) => d.id === id)) })),
    toggleDraft: (id) =>
      set((s) => {
        const draft = s.drafts.find((d) => d.id === id);
        // A rejected draft failed the identity gate: it cannot be refined or upscaled.
        if (!draft || draft.rejected) return s;
        const selected = s.selectedDrafts.includes(id) ? s.selectedDrafts.filter((d) => d !== id) : [...s.selectedDrafts, id];
        return { selectedDrafts: selected };
      }),
    queueRemix: (remix) => {
      queuedRemix = remix;
    },
    reset: () => {
      const remix = queuedRemix;
      queuedRemix = null;
      set({
        ...fresh(),
        ...(remix?.themeId ? { themeId: remix.themeId } : {}),
        ...(remix?.seed !== null && remix?.seed !== undefined ? { seed: remix.seed, reuseSeed: true } : {}),
        babySettings: remix?.baby ?? null,
      });
    },
  }));
}

export type SessionStore = ReturnType<typeof createSessionStore>;
