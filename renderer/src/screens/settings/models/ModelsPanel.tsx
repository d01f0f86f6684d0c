import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../../app/services';
import type { AppInfo, ModelListItem, ProviderPreference } from '../../../bridge/types';
import { createModelsStore } from '../../../stores/models';
import { AddModel } from './AddModel';
import { ModelRow } from './ModelRow';
import './models.css';

const PROVIDER_LABELS: Record<string, string> = { cuda: 'CUDA', dml: 'DirectML', coreml: 'Core ML', cpu: 'CPU' };

interface ModelsPanelProps {
  info: AppInfo | null;
  preference: ProviderPreference;
}

/** Settings › Models: what is installed, downloads in flight, and adding a model of your own. */
export function ModelsPanel({ info, preference }: ModelsPanelProps) {
  const { bridge, toasts } = useServices();
  // Only this panel uses the list, so the store lives (and listens to events) while it is shown.
  const store = useMemo(() => createModelsStore(bridge, toasts), [bridge, toasts]);
  const models = useStore(store, (s) => s.models);
  const status = useStore(store, (s) => s.status);
  const progress = useStore(store, (s) => s.progress);
  const busy = useStore(store, (s) => s.busy);
  const adding = useStore(store, (s) => s.adding);
  const actions = store.getState();

  useEffect(() => {
    const stop = store.getState().watch();
    void store.getState().load();
    return stop;
  }, [store]);

  // The manager never lists test-only models unless asked; this keeps it so if that changes.
  const shown = models.filter((m) => !m.testOnly);
  // Yours first: that is where downloads run and where the actions are.
  const yours = shown.filter((m) => m.source !== 'built-in');
  const builtIn = shown.filter((m) => m.source === 'built-in');
  const row = (item: ModelListItem) => (
    <ModelRow
      key={item.id}
      item={item}
      progress={progress[item.id]}
      busy={busy[item.id] === true}
      onCancel={() => void actions.cancel(item.id)}
      onResume={() => void actions.resume(item.id)}
      onDiscard={() => void actions.cancel(item.id, true)}
      onRemove={() => void actions.remove(item.id)}
    />
  );

  return (
    <div className="models-panel" data-testid="models-panel">
      <p className="muted small" data-testid="runtime-provider">
        ONNX Runtime provider in use: <strong>{info?.provider ? (PROVIDER_LABELS[info.provider] ?? info.provider) : 'none yet'}</strong>
        {info?.provider ? '' : ' (shows once a model has run)'} · preference: {preference}
      </p>
      <h3 className="model-group-title">Add a model</h3>
      <AddModel adding={adding} importModel={actions.importModel} download={actions.download} />
      {status === 'loading' && shown.length === 0 && <p className="muted">Checking the models…</p>}
      {status === 'error' && shown.length === 0 && <p className="muted">The models could not be listed. Reopen Settings to try again.</p>}
      <h3 className="model-group-title">Added by you</h3>
      {yours.length === 0 ? (
        <p className="muted small" data-testid="user-models-empty">
          None yet. Imported and downloaded models show here, with their downloads.
        </p>
      ) : (
        <ul className="model-list" data-testid="user-model-list">
          {yours.map(row)}
        </ul>
      )}
      <h3 className="model-group-title">Comes with Pairlight</h3>
      <ul className="model-list" data-testid="model-list">
        {builtIn.map(row)}
      </ul>
    </div>
  );
}
