import { useLayoutEffect, useRef } from 'react';
import { useServices, useToasts } from '../app/services';
import { Icon } from './Icon';

export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  const { toasts: store } = useServices();
  const ref = useRef<HTMLDivElement>(null);

  // A modal <dialog> lives in the browser's top layer, above any z-index. The toast stack is a
  // manual popover re-shown on every change, so it joins the top layer above the open dialog
  // and an error about the dialog's action is not hidden behind its backdrop.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof element.showPopover !== 'function') return;
    if (element.matches(':popover-open')) element.hidePopover();
    if (toasts.length > 0) element.showPopover();
  }, [toasts]);

  return (
    <div ref={ref} popover="manual" className="toasts" role="region" aria-label="Notifications" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.tone}`} data-testid="toast" role={toast.tone === 'error' ? 'alert' : 'status'}>
          <div className="toast-text">
            <span data-testid="toast-message">{toast.message}</span>
            {toast.code && <span className="toast-code">{toast.code}</span>}
          </div>
          {toast.action && (
            <button
              type="button"
              className="toast-action"
              data-testid="toast-action"
              onClick={() => {
                toast.action?.run();
                store.getState().dismiss(toast.id);
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" className="toast-close" aria-label="Dismiss" onClick={() => store.getState().dismiss(toast.id)}>
            <Icon name="close" size={14} />
          </button>
        </div>
      ))}
    </div>
  );
}
