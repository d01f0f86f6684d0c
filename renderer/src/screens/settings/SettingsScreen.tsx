import { useEffect } from 'react';
import { useServices, useSettings } from '../../app/services';
import type { ProviderPreference } from '../../bridge/types';
import { EmptyState } from '../../components/EmptyState';
import { Button } from '../../components/Button';
import { hasCommand } from '../../bridge/capabilities';
import { ModelsPanel } from './models/ModelsPanel';
import { NumberField } from './NumberField';
import { SettingRow } from './SettingRow';

const PROVIDERS: { id: ProviderPreference; label: string; hint: string }[] = [
  { id: 'auto', label: 'Automatic', hint: 'The fastest one that works on this computer' },
  { id: 'cuda', label: 'CUDA', hint: 'NVIDIA graphics cards' },
  { id: 'dml', label: 'DirectML', hint: 'Any graphics card on Windows' },
  { id: 'coreml', label: 'Core ML', hint: 'Apple silicon' },
  { id: 'cpu', label: 'CPU', hint: 'Always available, slowest' },
];

export function SettingsScreen() {
  const { settings: store } = useServices();
  const settings = useSettings((s) => s.settings);
  const info = useSettings((s) => s.info);
  const status = useSettings((s) => s.status);

  useEffect(() => {
    void store.getState().load();
  }, [store]);

  const update = store.getState().update;

  return (
    <section className="screen" aria-labelledby="settings-title">
      <header className="screen-header">
        <h1 id="settings-title">Settings</h1>
      </header>
      <div className="screen-body settings">
        {status === 'error' && !settings && (
          <EmptyState icon="settings" title="Settings could not be loaded" action={<Button onClick={() => void store.getState().load()}>Try again</Button>} />
        )}
        {settings && (
          <>
            <div className="settings-section">
              <h2 className="group-title">Processing</h2>
              <SettingRow
                title="Execution provider"
                hint={
                  info?.provider
                    ? `In use now: ${info.provider}. If the chosen one cannot start, Pairlight falls back to the next and says why.`
                    : 'Which hardware runs the models. What is in use shows here once the first model has run.'
                }
              >
                <div className="segmented" role="radiogroup" aria-label="Execution provider" data-testid="provider-picker">
                  {PROVIDERS.map((p) => {
                    return (
                      <button
                        key={p.id}
                        type="button"
                        role="radio"
                        aria-checked={settings.provider === p.id}
                        className={`segment${settings.provider === p.id ? ' is-selected' : ''}`}
                        data-testid={`provider-${p.id}`}
                        title={p.hint}
                        onClick={() => void update({ provider: p.id })}
                      >
                        {p.label}
                        {info?.provider === p.id && <span className="segment-note in-use">in use</span>}
                      </button>
                    );
                  })}
                </div>
              </SettingRow>
              <SettingRow title="Threads" hint="CPU threads for inference. 0 lets ONNX Runtime choose.">
                <NumberField testId="threads-input" min={0} max={256} value={settings.threads} onCommit={(threads) => void update({ threads })} />
              </SettingRow>
              <SettingRow title="Jobs at the same time" hint="Heavy jobs (drafts, upscales) running together. 1 suits most computers; more needs memory to spare.">
                <NumberField testId="max-heavy-jobs" min={1} max={4} value={settings.maxHeavyJobs} onCommit={(maxHeavyJobs) => void update({ maxHeavyJobs })} />
              </SettingRow>
              <SettingRow
                title="Likeness threshold"
                hint="Drafts whose face resembles a person less than this (cosine similarity of face embeddings) are greyed out with the reason."
              >
                <div className="range-field">
                  <input
                    type="range"
                    data-testid="identity-threshold"
                    min={0}
                    max={1}
                    step={0.01}
                    value={settings.identityThreshold}
                    onChange={(e) => void update({ identityThreshold: Number(e.target.value) })}
                  />
                  <span className="mono">{settings.identityThreshold.toFixed(2)}</span>
                </div>
              </SettingRow>
            </div>

            <div className="settings-section">
              <h2 className="group-title">Files</h2>
              <SettingRow title="Embed the recipe in images" hint="Writes theme, seed and models into PNG text chunks / JPEG XMP, so any image can be remixed later.">
                <label className="switch">
                  <input type="checkbox" data-testid="embed-metadata" checked={settings.embedMetadata} onChange={(e) => void update({ embedMetadata: e.target.checked })} />
                  <span className="switch-track" aria-hidden="true" />
                </label>
              </SettingRow>
              <SettingRow title="Storage location" hint="Projects, originals and outputs live here. Nothing leaves this computer.">
                <code className="path" data-testid="data-dir">
                  {info?.dataDir ?? '…'}
                </code>
              </SettingRow>
            </div>

            <div className="settings-section" data-testid="settings-models">
              <h2 className="group-title">Models</h2>
              {hasCommand('models.list') ? (
                <ModelsPanel info={info} preference={settings.provider} />
              ) : (
                <p className="muted">The model manager (installed models, checksums, licences, adding your own) arrives with the models commands.</p>
              )}
            </div>

            <p className="muted small about">Pairlight {info?.version ?? ''} · no telemetry, no network except model downloads you start.</p>
          </>
        )}
      </div>
    </section>
  );
}
