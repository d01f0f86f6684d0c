import { memo } from 'react';
import type { GalleryImage } from '../../stores/gallery';
import { Icon } from '../../components/Icon';
import { Stars } from './Stars';
import { useThumbnail } from './useThumbnail';

/** Memoised: while scrolling, cells that stay mounted must not re-render. */
export const GalleryCell = memo(function GalleryCell({ image, onOpen }: { image: GalleryImage; onOpen: (id: string) => void }) {
  const thumbUrl = useThumbnail(image);
  return (
    <button type="button" className="gallery-cell" data-testid="gallery-cell" data-image-id={image.id} onClick={() => onOpen(image.id)}>
      {thumbUrl && <img src={thumbUrl} alt="" decoding="async" draggable={false} />}
      <span className="cell-badges">
        <span className={`stage-badge stage-${image.stage}`}>{image.stage}</span>
        {image.favourite && (
          <span className="fav-badge">
            <Icon name="heart" size={12} filled />
          </span>
        )}
      </span>
      {image.rating > 0 && (
        <span className="cell-rating">
          <Stars rating={image.rating} />
        </span>
      )}
    </button>
  );
});
