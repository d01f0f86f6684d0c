import { useCallback, useMemo } from 'react';
import { useGallery, useProjects, useRoute, useServices } from '../../app/services';
import { hasCommand } from '../../bridge/capabilities';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { lineage, NO_FILTERS, visibleImages } from '../../stores/gallery';
import { GalleryCell } from './GalleryCell';
import { GalleryToolbar } from './GalleryToolbar';
import { Lightbox } from './Lightbox';
import { VirtualGrid } from './VirtualGrid';

export function GalleryScreen() {
  const { gallery, route } = useServices();
  const projectId = useRoute((s) => s.route.projectId);
  const project = useProjects((s) => s.projects.find((p) => p.id === projectId) ?? null);
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
  const filtered = filters !== NO_FILTERS;

  const title = project ? `Gallery · ${project.name}` : 'Gallery · all projects';
  const available = hasCommand('images.list');

  return (
    <section className="screen gallery" aria-labelledby="gallery-title">
      <header className="screen-header">
        <h1 id="gallery-title">{title}</h1>
        <div className="header-tools">
          <span className="muted" data-testid="gallery-count">
            {available ? `${visible.length.toLocaleString('en-US')} of ${images.length.toLocaleString('en-US')}` : ''}
          </span>
        </div>
      </header>
      {available && <GalleryToolbar filters={filters} sort={sort} themes={themes} people={people} onFilters={(p) => gallery.getState().setFilters(p)} onSort={(s) => gallery.getState().setSort(s)} />}
      <div className="gallery-body">
        {!available && (
          <EmptyState icon="gallery" title="Your portraits will live here" testId="gallery-unavailable" action={<Button onClick={() => route.getState().go('session')}>Go to the session</Button>}>
            Every draft, refined, upscaled and exported image of {project ? 'this project' : 'every project'}, with ratings, favourites and where each came from. The gallery fills once couple portraits can be generated.
          </EmptyState>
        )}
        {available && images.length === 0 && (
          <EmptyState icon="gallery" title="No images yet" action={<Button variant="primary" onClick={() => route.getState().go('session')}>Generate drafts</Button>}>
            Generate drafts in the session; they appear here.
          </EmptyState>
        )}
        {available && images.length > 0 && visible.length === 0 && (
          <EmptyState icon="search" title="Nothing matches these filters" action={filtered && <Button onClick={() => gallery.getState().setFilters(NO_FILTERS)}>Clear filters</Button>} />
        )}
        {visible.length > 0 && (
          <VirtualGrid
            testId="gallery-grid"
            items={visible}
            getKey={(i) => i.id}
            revealIndex={openIndex}
            renderItem={(image) => <GalleryCell image={image} onOpen={open} />}
          />
        )}
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
          onRate={(rating) => gallery.getState().rate(visible[openIndex].id, rating)}
          onFavourite={() => gallery.getState().toggleFavourite(visible[openIndex].id)}
          onDelete={() => gallery.getState().requestDelete(visible[openIndex].id, () => undefined)}
          onSelect={open}
          onRemix={() => route.getState().go('session')}
          onClose={() => gallery.getState().open(null)}
        />
      )}
    </section>
  );
}
