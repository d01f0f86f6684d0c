// Gallery cells ask for their thumbnail through this context; without a loader (the visual
// harness) they use the URL the image already carries.
import { createContext, useContext, useEffect, useState } from 'react';
import type { ThumbnailLoader } from '../../lib/thumbnail-loader';
import type { GalleryImage } from '../../stores/gallery';

export const ThumbnailsContext = createContext<ThumbnailLoader | null>(null);

/** The cell's image URL: null while its thumbnail is being made (the cell keeps its placeholder). */
export function useThumbnail(image: Pick<GalleryImage, 'id' | 'projectId' | 'thumbUrl'>): string | null {
  const loader = useContext(ThumbnailsContext);
  const [url, setUrl] = useState<string | null>(() => image.thumbUrl ?? loader?.peek(image.id) ?? null);
  useEffect(() => {
    if (image.thumbUrl || !loader) return setUrl(image.thumbUrl);
    const known = loader.peek(image.id);
    if (known !== undefined) return setUrl(known);
    return loader.request(image, setUrl);
  }, [image, loader]);
  return url;
}
