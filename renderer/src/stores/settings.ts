// Settings and what the app reports about itself (providers actually in use, data folder).
import { createStore } from 'zustand/vanilla';
import { toUserError } from '../bridge/errors';
import type { AppInfo, PairlightBridge, Settings } from '../bridge/types';
import type { ToastStore } from './toasts';

export interface SettingsState {
  settings: Settings | null;
  info: AppInfo | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  load(): Promise<void>;
  update(patch: Partial<Settings>): Promise<void>;
}

export function createSettingsStore(bridge: PairlightBridge, toasts: ToastStore) {
  return createStore<SettingsState>()((set, get) => ({
    settings: null,
    info: null,
    status: 'idle',
    async load() {
      set({ status: get().settings ? 'ready' : 'loading' });
      try {
        const [settings, info] = await Promise.all([bridge.invoke('settings.get', {}), bridge.invoke('app.info', {})]);
        set({ settings, info, status: 'ready' });
      } catch (error) {
        set({ status: get().settings ? 'ready' : 'error' });
        toasts.getState().error(toUserError(error));
      }
    },
    async update(patch) {
      const before = get().settings;
      // Show the change at once; put it back if Pairlight refuses it.
      if (before) set({ settings: { ...before, ...patch } });
      try {
        const settings = await bridge.invoke('settings.set', patch);
        const info = await bridge.invoke('app.info', {}).catch(() => get().info);
        set({ settings, info });
      } catch (error) {
        set({ settings: before });
        toasts.getState().error(toUserError(error));
      }
    },
  }));
}

export type SettingsStore = ReturnType<typeof createSettingsStore>;
