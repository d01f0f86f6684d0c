// The gallery's first screenful of rows, asked for as early as the page can: the entry module
// starts the request from the route in the URL hash before React and the screens have loaded,
// and the gallery screen takes that request instead of asking again.
import type { CommandOutput, PairlightBridge } from '../../bridge/types';

export type ListRow = CommandOutput<'images.list'>[number];

/** More than a 1440×900 screenful of cells (~40), so the first paint needs only this page. */
export const FIRST_PAGE = 120;
/** A request older than this is not taken: the screen asks afresh (the list may have changed). */
export const FIRST_PAGE_MAX_AGE_MS = 5000;

export interface FirstPage {
  /** Starts the request for one gallery (a project id, or null for every project). */
  start(projectId: string | null): void;
  /** The started request if it is for this gallery and recent; each one is taken at most once. */
  take(projectId: string | null): Promise<ListRow[]> | null;
}

export function firstPageInput(projectId: string | null) {
  return { ...(projectId ? { projectId } : {}), limit: FIRST_PAGE };
}

export function createFirstPage(bridge: Pick<PairlightBridge, 'invoke'>, now: () => number = () => performance.now()): FirstPage {
  let pending: { projectId: string | null; at: number; rows: Promise<ListRow[]> } | null = null;
  return {
    start(projectId) {
      const rows = bridge.invoke('images.list', firstPageInput(projectId));
      // Nobody may take it (the user left the gallery): its failure is reported when taken, or never.
      rows.catch(() => undefined);
      pending = { projectId, at: now(), rows };
    },
    take(projectId) {
      const mine = pending;
      pending = null;
      return mine && mine.projectId === projectId && now() - mine.at <= FIRST_PAGE_MAX_AGE_MS ? mine.rows : null;
    },
  };
}
