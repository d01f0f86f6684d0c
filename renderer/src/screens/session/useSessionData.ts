// Loads and changes a project's session through the contract: photos (with meshes), themes,
// drafts, generation and upscale jobs. The screen renders what this returns.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from '../../app/services';
import { toUserError } from '../../bridge/errors';
import type { Job, Photo } from '../../bridge/types';
import type { PersonSlot, ThemeView } from '../../stores/session';
import { fileToBase64, parseMesh, roleMap, toDraftView, toSessionPhoto, toThemeView } from './session-data';

export interface SessionData {
  themes: ThemeView[];
  importing: PersonSlot | null;
  generation: Job | null;
  importFiles(person: PersonSlot, files: File[]): Promise<void>;
  chooseFace(photoId: string, faceIndex: number): Promise<void>;
  /** `refineStrength` overrides the theme's own for this generation. */
  generate(options?: { refineStrength?: number }): Promise<void>;
  upscale(target: '2k' | '4k'): Promise<void>;
  /** Re-reads the project's drafts (baby portraits are drafts too) after another job made some. */
  reloadDrafts(): Promise<void>;
  /** Lists the themes again (after the user duplicated, edited or deleted one). */
  reloadThemes(): Promise<void>;
}

export interface SessionDataOptions {
  /** Baby projects have scenes, not themes: skip themes.list and its preview rendering. */
  themes: boolean;
}

export function useSessionData(projectId: string | null, options: SessionDataOptions = { themes: true }): SessionData {
  const wantThemes = options.themes;
  const { bridge, session, toasts, jobs } = useServices();
  const [themes, setThemes] = useState<ThemeView[]>([]);
  const [importing, setImporting] = useState<PersonSlot | null>(null);
  const [generationId, setGenerationId] = useState<string | null>(null);
  const generation = useJob(generationId);
  const photosRef = useRef<Photo[]>([]);
  const meshes = useRef<Record<string, [number, number, number][]>>({});
  const fail = useCallback((error: unknown) => toasts.getState().error(toUserError(error)), [toasts]);

  const showPhotos = useCallback(
    (photos: Photo[]) => {
      if (!projectId) return;
      photosRef.current = photos;
      session.getState().setPhotos(photos.map((p) => toSessionPhoto(p, bridge.mediaUrl(projectId, p.relPath), meshes.current)));
    },
    [bridge, projectId, session],
  );

  /** Mesh points live in JSON files in the project folder; fetch each once. */
  const loadMeshes = useCallback(
    async (photos: Photo[]) => {
      if (!projectId) return;
      const missing = photos.flatMap((p) => p.faces).filter((f) => f.meshPath && !meshes.current[f.id]);
      await Promise.all(
        missing.map(async (face) => {
          try {
            const response = await fetch(bridge.mediaUrl(projectId, face.meshPath!));
            if (response.ok) meshes.current[face.id] = parseMesh(await response.json());
          } catch {
            // No mesh overlay for this face; the photo and its advice still show.
          }
        }),
      );
      if (missing.length) showPhotos(photosRef.current);
    },
    [bridge, projectId, showPhotos],
  );

  const loadDrafts = useCallback(async () => {
    if (!projectId) return;
    try {
      const images = await bridge.invoke('images.list', { projectId, stage: 'draft' });
      const roles = roleMap(photosRef.current);
      session.getState().setDrafts(images.map((i) => toDraftView(i, bridge.mediaUrl(projectId, i.relPath), roles)));
    } catch (error) {
      fail(error);
    }
  }, [bridge, fail, projectId, session]);

  useEffect(() => {
    session.getState().reset();
    meshes.current = {};
    photosRef.current = [];
    setGenerationId(null);
    if (!projectId) return;
    let live = true;
    // Photos and themes load apart: the first themes.list renders the previews (seconds), and
    // photos must not wait for it, nor overwrite selfies imported meanwhile when it lands.
    void (async () => {
      try {
        const photos = await bridge.invoke('photos.list', { projectId });
        if (!live) return;
        const imported = photosRef.current.filter((p) => !photos.some((q) => q.id === p.id));
        showPhotos([...photos, ...imported]);
        void loadMeshes(photos);
        await loadDrafts();
      } catch (error) {
        if (live) fail(error);
      }
    })();
    if (wantThemes) {
      bridge.invoke('themes.list', {}).then(
        (themeRows) => {
          if (!live) return;
          setThemes(themeRows.map(toThemeView));
          if (!session.getState().themeId && themeRows[0]) session.getState().pickTheme(themeRows[0].id);
        },
        (error: unknown) => live && fail(error),
      );
    }
    return () => {
      live = false;
    };
  }, [bridge, fail, loadDrafts, loadMeshes, projectId, session, showPhotos, wantThemes]);

  // Drafts appear when the generation job finishes.
  useEffect(() => {
    if (generation?.status === 'done') void loadDrafts();
  }, [generation?.status, loadDrafts]);

  return {
    themes,
    importing,
    generation,
    async importFiles(person, files) {
      if (!projectId || files.length === 0) return;
      setImporting(person);
      try {
        for (const file of files) {
          try {
            const photo = await bridge.invoke('photos.import', { projectId, role: person === 'A' ? 'a' : 'b', bytesBase64: await fileToBase64(file), name: file.name });
            showPhotos([...photosRef.current.filter((p) => p.id !== photo.id), photo]);
            void loadMeshes([photo]);
          } catch (error) {
            fail(error);
          }
        }
      } finally {
        setImporting(null);
      }
    },
    async chooseFace(photoId, faceIndex) {
      const photo = photosRef.current.find((p) => p.id === photoId);
      const face = photo?.faces[faceIndex];
      if (!photo || !face) return;
      session.getState().pickFace(photoId, faceIndex);
      try {
        const updated = await bridge.invoke('faces.choose', { faceId: face.id, role: slotRole(photo) });
        showPhotos(photosRef.current.map((p) => (p.id === updated.id ? updated : p)));
      } catch (error) {
        fail(error);
        showPhotos(photosRef.current);
      }
    },
    async generate(options = {}) {
      const { themeId, count, seed } = session.getState();
      if (!projectId || !themeId) return;
      try {
        const overrides = options.refineStrength !== undefined ? { refine: { strength: options.refineStrength } } : undefined;
        const job = await bridge.invoke('generations.create', { projectId, theme: themeId, count, seed, ...(overrides ? { overrides } : {}) });
        jobs.getState().applyUpdate(job);
        setGenerationId(job.id);
        session.getState().advanceSeed();
      } catch (error) {
        fail(error);
      }
    },
    async upscale(target) {
      const { selectedDrafts } = session.getState();
      for (const imageId of selectedDrafts) {
        try {
          jobs.getState().applyUpdate(await bridge.invoke('images.upscale', { imageId, target }));
        } catch (error) {
          fail(error);
          return;
        }
      }
      toasts.getState().show({ tone: 'success', message: `Upscale to ${target.toUpperCase()} queued: follow it in the Queue.` });
    },
    reloadDrafts: loadDrafts,
    async reloadThemes() {
      setThemes((await bridge.invoke('themes.list', {})).map(toThemeView));
    },
  };
}

function slotRole(photo: Photo): 'a' | 'b' {
  return photo.role ?? 'a';
}

/** The live state of one job, from the jobs store (kept current by job.updated events). */
export function useJob(id: string | null): Job | null {
  const { jobs } = useServices();
  const [job, setJob] = useState<Job | null>(null);
  useEffect(() => {
    if (!id) return setJob(null);
    const pick = () => jobs.getState().jobs.find((j) => j.id === id) ?? null;
    setJob(pick());
    return jobs.subscribe(() => setJob(pick()));
  }, [id, jobs]);
  return job;
}
