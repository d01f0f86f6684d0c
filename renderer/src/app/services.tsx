// The stores and the bridge, created once at start and handed down through context,
// so components and tests choose their bridge instead of reaching for a global.
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { PairlightBridge } from '../bridge/types';
import { createFirstPage, type FirstPage } from '../screens/gallery/first-page';
import { createThumbnailLoader, type ThumbnailLoader } from '../lib/thumbnail-loader';
import { createGalleryStore, type GalleryState, type GalleryStore } from '../stores/gallery';
import { createJobsStore, type JobsState, type JobsStore } from '../stores/jobs';
import { createProjectsStore, type ProjectsState, type ProjectsStore } from '../stores/projects';
import { createRouteStore, type RouteState, type RouteStore } from '../stores/route';
import { createSessionStore, type SessionState, type SessionStore } from '../stores/session';
import { createSettingsStore, type SettingsState, type SettingsStore } from '../stores/settings';
import { createToastStore, type ToastState, type ToastStore } from '../stores/toasts';

export interface Services {
  bridge: PairlightBridge;
  toasts: ToastStore;
  route: RouteStore;
  projects: ProjectsStore;
  jobs: JobsStore;
  settings: SettingsStore;
  session: SessionStore;
  gallery: GalleryStore;
  /** Gallery thumbnails, remembered for the whole session so revisits draw at once. */
  thumbnails: ThumbnailLoader;
  /** The gallery's first page, possibly already asked for by the entry module. */
  galleryFirstPage: FirstPage;
}

export function createServices(bridge: PairlightBridge, hash: string, writeHash: (hash: string) => void, galleryFirstPage: FirstPage = createFirstPage(bridge)): Services {
  const toasts = createToastStore();
  return {
    bridge,
    toasts,
    route: createRouteStore(hash, writeHash),
    projects: createProjectsStore(bridge, toasts),
    jobs: createJobsStore(bridge, toasts),
    settings: createSettingsStore(bridge, toasts),
    session: createSessionStore(),
    gallery: createGalleryStore(toasts),
    thumbnails: createThumbnailLoader((ids) => bridge.invoke('images.thumbnails', { ids }), (projectId, relPath) => bridge.mediaUrl(projectId, relPath)),
    galleryFirstPage,
  };
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}

export const useToasts = <T,>(select: (s: ToastState) => T) => useStore(useServices().toasts, select);
export const useRoute = <T,>(select: (s: RouteState) => T) => useStore(useServices().route, select);
export const useProjects = <T,>(select: (s: ProjectsState) => T) => useStore(useServices().projects, select);
export const useJobs = <T,>(select: (s: JobsState) => T) => useStore(useServices().jobs, select);
export const useSettings = <T,>(select: (s: SettingsState) => T) => useStore(useServices().settings, select);
export const useSession = <T,>(select: (s: SessionState) => T) => useStore(useServices().session, select);
export const useGallery = <T,>(select: (s: GalleryState) => T) => useStore(useServices().gallery, select);
