import { useCallback, useMemo } from 'react';
import { useGallery, useServices } from '../../app/services';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { lineage, NO_FILTERS, visibleImages, type GalleryImage } from '../../stores/gallery';
import { GalleryCell } from './GalleryCell';
import { GalleryToolbar } from './GalleryToolbar';
import { Lightbox } from './Lightbox';
import { VirtualGrid } from './VirtualGrid';

interface GalleryViewProps {
  /** Commits a delete once its undo window has passed. */
  onDeleteCommitted: (id: string) => void;
  onRemix: (image: GalleryImage) => void;
  onGenerate: () => void;
  /** Persist a rating or favourite; the store already shows the change. */
  onRated?: (id: string, rating: number) => void;
  onFavourited?: (id: string, favourite: boolean) => void;
  /** How a person id reads in the person filter ("Person A"). */
  personLabel?: (personId: string) => string;
}

/** The grid, its filters and the lightbox, driven by the gallery store alone. */
export function GalleryView({ onDeleteCommitted, onRemix, onGenerate, onRated, onFavourited, personLabel = (id) => id }: GalleryViewProps) {
  const { gallery } = useServices();
  const images = useGallery((s) => s.images);
  const filters = useGallery((s) => s.filters);
  const sort = useGallery((s) => s.sort);
  const pendingDelete = useGallery((s) => s.pendingDelete);
  const openId = useGallery((s) => s.openId);

  const visible = useMemo(() => visibleImages({ images, filters, sort, pendingDelete }), [images, filters, sort, pendingDelete]);
  const themes = useMemo(() => [...new Set(images.map((i) => i.theme).filter((t): t is string => t !== null))].sort(), [images]);
  const people = useMemo(() => [...new Set(images.flatMap((i) => i.people))].sort(), [images]);
  const openIndex = openId ? visible.findIndex((i) => i.id === openId) : -1;
  const open = useCallback((id: string) => gallery.getState().open(id), [gallery]);
  const renderCell = useCallback((image: GalleryImage) => <GalleryCell image={image} onOpen={open} />, [open]);

  return (
    <>
      <GalleryToolbar
        filters={filters}
        sort={sort}
        themes={themes}
        people={people}
        count={{ shown: visible.length, total: images.length }}
        personLabel={personLabel}
        onFilters={(p) => gallery.getState().setFilters(p)}
        onSort={(s) => gallery.getState().setSort(s)}
      />
      <div className="gallery-body">
        {images.length === 0 && (
          <EmptyState icon="gallery" title="No images yet" testId="gallery-empty" action={<Button variant="primary" onClick={onGenerate}>Generate drafts</Button>}>
            Generate drafts in the session; they appear here.
          </EmptyState>
        )}
        {images.length > 0 && visible.length === 0 && (
          <EmptyState icon="search" title="Nothing matches these filters" testId="gallery-no-match" action={<Button onClick={() => gallery.getState().setFilters(NO_FILTERS)}>Clear filters</Button>} />
        )}
        {visible.length > 0 && <VirtualGrid testId="gallery-grid" items={visible} getKey={(i) => i.id} revealIndex={openIndex} renderItem={renderCell} />}
      </div>
      {openIndex >= 0 && (
        <Lightbox
          image={visible[openIndex]}
          index={openIndex}
          count={visible.length}
          chain={lineage(images, visible[openIndex].id)}
          onMove={(delta) => {
            const next = visible[openIndex + delta];
            if (next) open(next.id);
          }}
          onRate={(rating) => {
            const id = visible[openIndex].id;
            gallery.getState().rate(id, rating);
            onRated?.(id, rating);
          }}
          onFavourite={() => {
            const image = visible[openIndex];
            gallery.getState().toggleFavourite(image.id);
            onFavourited?.(image.id, !image.favourite);
          }}
          onDelete={() => gallery.getState().requestDelete(visible[openIndex].id, onDeleteCommitted)}
          onSelect={open}
          onRemix={onRemix}
          onClose={() => gallery.getState().open(null)}
        />
      )}
    </>
  );
}
