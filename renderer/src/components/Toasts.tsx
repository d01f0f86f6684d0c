import { useServices, useToasts } from '../app/services';
import { Icon } from './Icon';

export function Toasts() {
  const toasts = useToasts((s) => s.toasts);
  const { toasts: store } = useServices();
  return (
    <div className="toasts" role="region" aria-label="Notifications" aria-live="polite">
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
