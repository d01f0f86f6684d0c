import { useState, type FormEvent } from 'react';
import type { ModelTask } from '../../../bridge/types';
import { Button } from '../../../components/Button';
import type { ModelsState } from '../../../stores/models';
import { TASK_LABELS } from './labels';

type Mode = 'import' | 'diffusion' | 'download';

const MODES: { id: Mode; label: string }[] = [
  { id: 'import', label: 'Import a file' },
  { id: 'diffusion', label: 'Add a pixel-diffusion model' },
  { id: 'download', label: 'Download' },
];

const TASKS = Object.keys(TASK_LABELS) as ModelTask[];

const HINTS: Record<Mode, string> = {
  import: 'A local .onnx file. Pairlight loads it with ONNX Runtime and checks its inputs and outputs against the task before copying it into your models folder.',
  diffusion:
    'An ONNX pixel-space denoiser with the Pairlight diffusion contract in its metadata (prediction type, noise schedule, resolution, conditioning, steps; see models/README.md). A file that breaks the contract is refused with the field at fault. Once installed, drafts are refined with it.',
  download:
    'Pairlight fetches the file from the address you give, verifies its sha256 and checks it like an import. Only then is it installed; a download that stops can be resumed.',
};

interface AddModelProps {
  adding: boolean;
  importModel: ModelsState['importModel'];
  download: ModelsState['download'];
}

/** Optional text fields go out only when filled in (the contract refuses empty strings). */
function optional<K extends string>(key: K, value: string): Partial<Record<K, string>> {
  const trimmed = value.trim();
  return trimmed ? ({ [key]: trimmed } as Record<K, string>) : {};
}

export function AddModel({ adding, importModel, download }: AddModelProps) {
  const [mode, setMode] = useState<Mode>('import');
  const [path, setPath] = useState('');
  const [task, setTask] = useState<ModelTask>('upscale');
  const [title, setTitle] = useState('');
  const [licence, setLicence] = useState('');
  const [url, setUrl] = useState('');
  const [sha256, setSha256] = useState('');
  const [id, setId] = useState('');

  const chosenTask: ModelTask = mode === 'diffusion' ? 'diffusion' : task;
  const canSubmit = !adding && (mode === 'download' ? url.trim() && sha256.trim() && id.trim() && licence.trim() : path.trim());

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!canSubmit) return;
    if (mode === 'download') {
      const ok = await download({ url: url.trim(), sha256: sha256.trim(), id: id.trim(), task: chosenTask, licence: licence.trim(), ...optional('title', title) });
      if (ok) {
        setUrl('');
        setSha256('');
        setId('');
      }
    } else {
      const item = await importModel({ path: path.trim(), task: chosenTask, ...optional('title', title), ...optional('licence', licence) });
      if (item) setPath('');
    }
  }

  return (
    <form className="add-model" onSubmit={(e) => void submit(e)} data-testid="add-model">
      <div className="segmented" role="tablist" aria-label="How to add a model">
        {MODES.map((m) => (
          <button
            key={m.id}
            type="button"
            role="tab"
            aria-selected={mode === m.id}
            className={`segment${mode === m.id ? ' is-selected' : ''}`}
            data-testid={`add-mode-${m.id}`}
            onClick={() => setMode(m.id)}
          >
            {m.label}
          </button>
        ))}
      </div>
      <p className="muted small add-model-hint">{HINTS[mode]}</p>
      <div className="add-model-grid">
        {mode === 'download' ? (
          <>
            <label className="field wide">
              <span className="field-label">Address (http or https)</span>
              <input className="input input-mono" data-testid="model-url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://example.org/model.onnx" />
            </label>
            <label className="field wide">
              <span className="field-label">sha256 of the file</span>
              <input className="input input-mono" data-testid="model-sha256" value={sha256} onChange={(e) => setSha256(e.target.value)} placeholder="64 hexadecimal characters" />
            </label>
            <label className="field">
              <span className="field-label">Id in your library</span>
              <input className="input input-mono" data-testid="model-id" value={id} onChange={(e) => setId(e.target.value)} placeholder="my-upscaler" />
            </label>
          </>
        ) : (
          <label className="field wide">
            <span className="field-label">Path of the .onnx file</span>
            <input className="input input-mono" data-testid="model-path" value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/me/models/model.onnx" />
          </label>
        )}
        {mode !== 'diffusion' && (
          <label className="field">
            <span className="field-label">Task</span>
            <select className="input" data-testid="model-task-select" value={task} onChange={(e) => setTask(e.target.value as ModelTask)}>
              {TASKS.map((t) => (
                <option key={t} value={t}>
                  {TASK_LABELS[t]}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span className="field-label">Title (optional)</span>
          <input className="input" data-testid="model-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{mode === 'download' ? 'Licence of the weights' : 'Licence of the weights (optional)'}</span>
          <input className="input" data-testid="model-licence-input" value={licence} onChange={(e) => setLicence(e.target.value)} placeholder="e.g. Apache-2.0" />
        </label>
      </div>
      <div className="add-model-actions">
        <Button type="submit" variant="primary" icon={mode === 'download' ? 'upload' : 'plus'} disabled={!canSubmit} data-testid="add-model-submit">
          {adding ? 'Checking…' : mode === 'download' ? 'Start download' : mode === 'diffusion' ? 'Add diffusion model' : 'Import model'}
        </Button>
      </div>
    </form>
  );
}
