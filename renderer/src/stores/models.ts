// Settings › Models: the installed models, downloads in flight (fed by models.progress), and
// the actions on them. A failed download arrives as models.changed with an error and becomes
// a toast; a cancelled one just shows as paused.
import { createStore } from 'zustand/vanilla';
import { toUserError } from '../bridge/errors';
import type { CommandInput, EventPayload, ModelListItem, PairlightBridge } from '../bridge/types';
import type { ToastStore } from './toasts';

export type DownloadProgress = EventPayload<'models.progress'>;
export type ImportRequest = CommandInput<'models.import'>;
export type DownloadRequest = CommandInput<'models.download'>;

export interface ModelsState {
  models: ModelListItem[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Latest progress of each running download, by model id. */
  progress: Record<string, DownloadProgress>;
  /** Ids with an action under way, so their buttons wait. */
  busy: Record<string, true>;
  /** True while an import or download request is being checked. */
  adding: boolean;
  load(): Promise<void>;
  /** Listens to models.progress / models.changed; returns the unsubscribe function. */
  watch(): () => void;
  importModel(request: ImportRequest): Promise<ModelListItem | null>;
  download(request: DownloadRequest): Promise<boolean>;
  resume(id: string): Promise<void>;
  cancel(id: string, discard?: boolean): Promise<void>;
  remove(id: string): Promise<void>;
}

export function createModelsStore(bridge: PairlightBridge, toasts: ToastStore) {
  return createStore<ModelsState>()((set, get) => {
    const fail = (error: unknown) => toasts.getState().error(toUserError(error));
    const withBusy = async (id: string, run: () => Promise<unknown>) => {
      set((s) => ({ busy: { ...s.busy, [id]: true } }));
      try {
        await run();
      } catch (error) {
        fail(error);
      } finally {
        set((s) => {
          const { [id]: _done, ...rest } = s.busy;
          return { busy: rest };
        });
        await get().load();
      }
    };
    return {
      models: [],
      status: 'idle',
      progress: {},
      busy: {},
      adding: false,
      async load() {
        if (get().status !== 'ready') set({ status: 'loading' });
        try {
          const models = await bridge.invoke('models.list', {});
          // Progress of downloads that are no longer running is stale: drop it.
          const running = new Set(models.filter((m) => m.status === 'downloading').map((m) => m.id));
          const progress = Object.fromEntries(Object.entries(get().progress).filter(([id]) => running.has(id)));
          set({ models, progress, status: 'ready' });
        } catch (error) {
          set({ status: get().status === 'ready' ? 'ready' : 'error' });
          fail(error);
        }
      },
      watch() {
        const offProgress = bridge.on('models.progress', (p) => set((s) => ({ progress: { ...s.progress, [p.id]: p } })));
        const offChanged = bridge.on('models.changed', (change) => {
          if (change.error && change.error.code !== 'CANCELLED') fail(change.error);
          void get().load();
        });
        return () => {
          offProgress();
          offChanged();
        };
      },
      async importModel(request) {
        set({ adding: true });
        try {
          const item = await bridge.invoke('models.import', request);
          toasts.getState().show({ tone: 'success', message: `${item.title} is installed.` });
          await get().load();
          return item;
        } catch (error) {
          fail(error);
          return null;
        } finally {
          set({ adding: false });
        }
      },
      async download(request) {
        set({ adding: true });
        try {
          await bridge.invoke('models.download', request);
          await get().load();
          return true;
        } catch (error) {
          fail(error);
          return false;
        } finally {
          set({ adding: false });
        }
      },
      resume: (id) => withBusy(id, () => bridge.invoke('models.resumeDownload', { id })),
      cancel: (id, discard) => withBusy(id, () => bridge.invoke('models.cancelDownload', { id, ...(discard ? { discard } : {}) })),
      remove: (id) => withBusy(id, () => bridge.invoke('models.remove', { id })),
    };
  });
}

export type ModelsStore = ReturnType<typeof createModelsStore>;
