// Gallery cells ask for their thumbnail through this context; without a loader (the visual
// harness) they use the URL the image already carries.
import { createContext, useContext, useEffect, useReducer } from 'react';
import type { ThumbnailLoader } from '../../lib/thumbnail-loader';
import type { GalleryImage } from '../../stores/gallery';

export const ThumbnailsContext = createContext<ThumbnailLoader | null>(null);

/**
 * The cell's image URL: null while its thumbnail is being made (the cell keeps its placeholder).
 * A thumbnail the list already named (thumbUrl) or one asked for earlier draws in the first
 * render, with no state and no round trip; only a missing one goes through the loader.
 */
export function useThumbnail(image: Pick<GalleryImage, 'id' | 'projectId' | 'thumbUrl'>): string | null {
  const loader = useContext(ThumbnailsContext);
  const { id, projectId, thumbUrl } = image;
  // The loader remembers an answer before it calls back: a re-render then reads it with peek.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const known = thumbUrl ?? loader?.peek(id);
  useEffect(() => {
    if (known !== undefined || !loader) return;
    return loader.request({ id, projectId }, rerender);
  }, [known, loader, id, projectId]);
  return known ?? null;
}
