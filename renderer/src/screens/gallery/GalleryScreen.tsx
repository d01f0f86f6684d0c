import { useCallback, useEffect, useRef, useState } from 'react';
import { ThumbnailsContext } from './useThumbnail';
import { LineageContext, type LineageFetch } from './useLineage';
import { remixOf } from './recipe-facts';
import { roleMap } from '../session/session-data';
import { useProjects, useRoute, useServices } from '../../app/services';
import { hasCommand } from '../../bridge/capabilities';
import { toUserError } from '../../bridge/errors';
import type { CommandName, PairlightBridge } from '../../bridge/types';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { refreshImages, type GalleryImage } from '../../stores/gallery';
import { FIRST_PAGE, firstPageInput, type ListRow } from './first-page';
import { GalleryView } from './GalleryView';

/** An image row from the contract as the gallery shows it. */
export function toGalleryImage(image: ListRow, bridge: PairlightBridge): GalleryImage {
  const url = bridge.mediaUrl(image.projectId, image.relPath);
  return {
    id: image.id,
    projectId: image.projectId,
    url,
    // Named by the list once made; otherwise made on demand through images.thumbnails
    // (useThumbnail). The grid never decodes full-size files.
    thumbUrl: image.thumbPath ? bridge.mediaUrl(image.projectId, image.thumbPath) : null,
    width: image.width,
    height: image.height,
    stage: image.stage,
    theme: image.theme,
    rating: image.rating ?? 0,
    favourite: image.favourite,
    people: Object.keys(image.identityScores ?? {}),
    createdAt: image.createdAt,
    seed: image.seed,
    parentId: image.parentId,
    recipe: {},
  };
}

/** The rest in pages this size: each one parses in a few ms, so scrolling meanwhile stays smooth. */
const LATER_PAGE = 2000;
/** About one first paint on a slow machine (bench: 0.3–0.8 s), after which the host is free again. */
const REST_AFTER_MS = 600;

export function GalleryScreen() {
  const { route, bridge, gallery, toasts, jobs, session, thumbnails, galleryFirstPage } = useServices();
  const projectId = useRoute((s) => s.route.projectId);
  const project = useProjects((s) => s.projects.find((p) => p.id === projectId) ?? null);
  const title = project ? `Gallery · ${project.name}` : 'Gallery · all projects';
  const available = hasCommand('images.list');
  const [roles, setRoles] = useState<Record<string, 'A' | 'B'>>({});
  const fetchLineage = useCallback<LineageFetch>((id) => bridge.invoke('images.lineage', { id }), [bridge]);
  /** Reopens the session with the image's theme and seed (kept for reuse). */
  const remix = async (image: GalleryImage) => {
    try {
      const self = (await fetchLineage(image.id)).find((r) => r.id === image.id);
      session.getState().queueRemix(remixOf(self?.recipe, image.seed));
      gallery.getState().open(null);
      route.getState().go('session', image.projectId);
    } catch (error) {
      toasts.getState().error(toUserError(error));
    }
  };

  // Person ids read as the person's side in the session (A / B) where the project tells us.
  useEffect(() => {
    setRoles({});
    if (!projectId || !hasCommand('photos.list')) return;
    bridge.invoke('photos.list', { projectId }).then((photos) => setRoles(roleMap(photos)), () => undefined);
  }, [bridge, projectId]);

  // Each load supersedes the one before: a page landing from an older load is dropped.
  const loadCount = useRef(0);
  const load = useCallback(async () => {
    const mine = ++loadCount.current;
    const scope = projectId ? { projectId } : {};
    const toImages = (rows: ListRow[]) => rows.map((row) => toGalleryImage(row, bridge));
    try {
      // The entry module may have asked already (the page opened on this gallery).
      const first = await (galleryFirstPage.take(projectId ?? null) ?? bridge.invoke('images.list', firstPageInput(projectId ?? null)));
      if (mine !== loadCount.current) return;
      // Laid over what the store holds: back on a gallery of 10,000 the count and the cells stay
      // as they are (unchanged rows keep their objects), and only what changed re-renders.
      const key = projectId ?? '*';
      const held = () => (gallery.getState().scope === key ? gallery.getState().images : []);
      const seen = new Set(first.map((row) => row.id));
      const lastPage = first.length !== FIRST_PAGE;
      gallery.getState().setImages(refreshImages(held(), toImages(first), lastPage ? seen : null), key);
      if (lastPage) return;
      // The first screenful's thumbnails go first: the rest would otherwise queue with them on the host.
      await new Promise((resolve) => setTimeout(resolve, REST_AFTER_MS));
      if (mine !== loadCount.current) return;
      for (let offset = FIRST_PAGE; ; offset += LATER_PAGE) {
        const page = await bridge.invoke('images.list', { ...scope, offset, limit: LATER_PAGE });
        if (mine !== loadCount.current) return;
        // Laid over what the store holds now; an image made meanwhile shifts the pages by one,
        // which merging by id absorbs.
        page.forEach((row) => seen.add(row.id));
        const done = page.length !== LATER_PAGE;
        gallery.getState().setImages(refreshImages(held(), toImages(page), done ? seen : null), key);
        if (done) return;
      }
    } catch (error) {
      toasts.getState().error(toUserError(error));
    }
  }, [bridge, gallery, toasts, projectId, galleryFirstPage]);

  useEffect(() => {
    if (!available) return;
    // Back to the same gallery: show the list already here at once, and refresh it behind.
    if (gallery.getState().scope !== (projectId ?? '*')) gallery.getState().setImages([]);
    void load();
    // A finished job may have made images: reload when one completes.
    let finished = jobs.getState().jobs.filter((j) => j.status === 'done').length;
    return jobs.subscribe((s) => {
      const now = s.jobs.filter((j) => j.status === 'done').length;
      if (now !== finished) void load();
      finished = now;
    });
  }, [available, load, gallery, jobs, projectId]);

  /** Runs a command; on refusal shows why and reloads, so the grid never shows a state that is not stored. */
  const persist = <C extends CommandName>(command: C, input: Parameters<PairlightBridge['invoke']>[1] & object) => {
    bridge.invoke(command, input as never).catch((error: unknown) => {
      toasts.getState().error(toUserError(error));
      void load();
    });
  };

  return (
    <section className="screen gallery" aria-labelledby="gallery-title">
      <header className="screen-header">
        <h1 id="gallery-title">{title}</h1>
      </header>
      {available ? (
        <ThumbnailsContext.Provider value={thumbnails}>
          <LineageContext.Provider value={fetchLineage}>
            <GalleryView
              onDeleteCommitted={(id) => persist('images.delete', { id })}
              onRated={(id, rating) => persist('images.rate', { id, rating: rating === 0 ? null : rating })}
              onFavourited={(id, favourite) => persist('images.favourite', { id, favourite })}
              personLabel={(id) => (roles[id] ? `Person ${roles[id]}` : `Person ${id.slice(0, 6)}`)}
              onRemix={(image) => void remix(image)}
              onGenerate={() => route.getState().go('session')}
            />
          </LineageContext.Provider>
        </ThumbnailsContext.Provider>
      ) : (
        <div className="gallery-body">
          <EmptyState icon="gallery" title="Your portraits will live here" testId="gallery-unavailable" action={<Button onClick={() => route.getState().go('session')}>Go to the session</Button>}>
            Every draft, refined, upscaled and exported image of {project ? 'this project' : 'every project'}, with ratings, favourites and where each came from. The gallery fills once couple portraits can be generated.
          </EmptyState>
        </div>
      )}
    </section>
  );
}
