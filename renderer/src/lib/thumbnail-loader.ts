// Asks the main side for gallery thumbnails in batches: every cell that mounts in the same tick
// joins one `images.thumbnails` call, so a screenful of cells costs one round trip, and each
// answer is remembered so a cell scrolled back into view draws at once.

export interface ThumbnailRef {
  id: string;
  projectId: string;
}

export interface ThumbnailLoader {
  /** The thumbnail URL if known (undefined: not asked yet or on its way; null: there is none). */
  peek(id: string): string | null | undefined;
  /** Asks for it if needed; `onReady` is called once it is known. Returns an unsubscribe. */
  request(ref: ThumbnailRef, onReady: (url: string | null) => void): () => void;
}

type Fetch = (ids: string[]) => Promise<{ id: string; relPath: string | null }[]>;

/** The contract's cap on ids per call. */
export const THUMBNAIL_BATCH = 200;

export function createThumbnailLoader(fetchBatch: Fetch, mediaUrl: (projectId: string, relPath: string) => string, schedule: (fn: () => void) => void = queueMicrotask): ThumbnailLoader {
  const known = new Map<string, string | null>();
  const waiting = new Map<string, Set<(url: string | null) => void>>();
  const projectOf = new Map<string, string>();
  let queued: string[] = [];
  let flushScheduled = false;

  const settle = (id: string, url: string | null) => {
    known.set(id, url);
    const listeners = waiting.get(id);
    waiting.delete(id);
    listeners?.forEach((fn) => fn(url));
  };

  const flush = () => {
    flushScheduled = false;
    const ids = queued;
    queued = [];
    for (let i = 0; i < ids.length; i += THUMBNAIL_BATCH) {
      const batch = ids.slice(i, i + THUMBNAIL_BATCH);
      fetchBatch(batch).then(
        (rows) => rows.forEach((row) => settle(row.id, row.relPath ? mediaUrl(projectOf.get(row.id)!, row.relPath) : null)),
        // A failed call leaves the ids unknown, so the next mount asks again.
        () => batch.forEach((id) => waiting.delete(id)),
      );
    }
  };

  return {
    peek: (id) => known.get(id),
    request({ id, projectId }, onReady) {
      const have = known.get(id);
      if (have !== undefined) {
        onReady(have);
        return () => undefined;
      }
      let listeners = waiting.get(id);
      if (!listeners) {
        listeners = new Set();
        waiting.set(id, listeners);
        projectOf.set(id, projectId);
        queued.push(id);
        if (!flushScheduled) {
          flushScheduled = true;
          schedule(flush);
        }
      }
      listeners.add(onReady);
      const mine = listeners;
      return () => mine.delete(onReady);
    },
  };
}
