import { useEffect } from 'react';
import { useServices, useSettings } from '../../app/services';
import type { ProviderPreference } from '../../bridge/types';
import { EmptyState } from '../../components/EmptyState';
import { Button } from '../../components/Button';
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
                hint={info ? `In use now: ${info.providerInUse}. Available here: ${info.providersAvailable.join(', ') || 'none reported'}.` : 'Which hardware runs the models.'}
              >
                <div className="segmented" role="radiogroup" aria-label="Execution provider" data-testid="provider-picker">
                  {PROVIDERS.map((p) => {
                    const available = p.id === 'auto' || !info || info.providersAvailable.includes(p.id);
                    return (
                      <button
                        key={p.id}
                        type="button"
                        role="radio"
                        aria-checked={settings.provider === p.id}
                        className={`segment${settings.provider === p.id ? ' is-selected' : ''}`}
                        data-testid={`provider-${p.id}`}
                        title={available ? p.hint : `${p.hint}. Not available on this computer: Pairlight will fall back to the next one.`}
                        onClick={() => void update({ provider: p.id })}
                      >
                        {p.label}
                        {!available && <span className="segment-note">n/a</span>}
                      </button>
                    );
                  })}
                </div>
              </SettingRow>
              <SettingRow title="Threads" hint="CPU threads for inference. 0 lets Pairlight choose (one per core).">
                <input
                  type="number"
                  className="input input-narrow"
                  data-testid="threads-input"
                  min={0}
                  max={256}
                  value={settings.threads}
                  onChange={(e) => {
                    const threads = Number(e.target.value);
                    if (Number.isInteger(threads) && threads >= 0) void update({ threads });
                  }}
                />
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

            <div className="settings-section">
              <h2 className="group-title">Models</h2>
              <p className="muted">The model manager (installed models, checksums, licences, adding your own) arrives with the models commands.</p>
            </div>

            <p className="muted small about">Pairlight {info?.version ?? ''} · no telemetry, no network except model downloads you start.</p>
          </>
        )}
      </div>
    </section>
  );
}
