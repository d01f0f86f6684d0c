// Short-lived messages in the corner: errors with the contract's user message, and undo offers.
import { createStore } from 'zustand/vanilla';
import type { UserError } from '../bridge/errors';

export interface Toast {
  id: number;
  tone: 'error' | 'info' | 'success';
  message: string;
  /** Stable error code, shown small so a support request can quote it. */
  code?: string;
  action?: { label: string; run: () => void };
}

export interface ToastState {
  toasts: Toast[];
  show(toast: Omit<Toast, 'id'>, timeoutMs?: number): number;
  error(error: UserError): number;
  dismiss(id: number): void;
}

/** Errors stay longer than confirmations: people need time to read what to do next. */
const DEFAULT_TIMEOUT = { error: 8000, info: 5000, success: 3500 } as const;
const MAX_VISIBLE = 4;

export function createToastStore(schedule: (fn: () => void, ms: number) => unknown = setTimeout) {
  let nextId = 1;
  return createStore<ToastState>()((set, get) => ({
    toasts: [],
    show(toast, timeoutMs) {
      const id = nextId++;
      set((s) => ({ toasts: [...s.toasts, { ...toast, id }].slice(-MAX_VISIBLE) }));
      const ms = timeoutMs ?? DEFAULT_TIMEOUT[toast.tone];
      if (ms > 0) schedule(() => get().dismiss(id), ms);
      return id;
    },
    error(error) {
      return get().show({ tone: 'error', message: error.message, code: error.code });
    },
    dismiss(id) {
      set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
    },
  }));
}

export type ToastStore = ReturnType<typeof createToastStore>;
