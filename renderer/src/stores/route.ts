import { createStore } from 'zustand/vanilla';
import { formatRoute, parseRoute, type Route, type Screen } from '../app/route';

export interface RouteState {
  route: Route;
  /** The last project opened, so Session and Gallery in the nav know where to go. */
  lastProjectId: string | null;
  go(screen: Screen, projectId?: string | null): void;
  sync(hash: string): void;
}

export function createRouteStore(initialHash: string, writeHash: (hash: string) => void) {
  const initial = parseRoute(initialHash);
  return createStore<RouteState>()((set, get) => ({
    route: initial,
    lastProjectId: initial.projectId,
    go(screen, projectId) {
      const wantsProject = screen === 'session' || screen === 'gallery';
      const id = projectId === undefined ? (wantsProject ? get().lastProjectId : null) : projectId;
      const route: Route = { screen, projectId: wantsProject ? id : null };
      set({ route, lastProjectId: id ?? get().lastProjectId });
      writeHash(formatRoute(route));
    },
    sync(hash) {
      const route = parseRoute(hash);
      // Already there: nothing changes, so nothing re-renders.
      if (route.screen === get().route.screen && route.projectId === get().route.projectId) return;
      set({ route, lastProjectId: route.projectId ?? get().lastProjectId });
    },
  }));
}

export type RouteStore = ReturnType<typeof createRouteStore>;
