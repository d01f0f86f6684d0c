// Expert editor for one of the user's themes: its name in a field, every other value as JSON.
// The main side validates with the theme schema, so the error shown is the contract's, naming
// the field (e.g. "lens.aperture: …"); the dialog stays open until the theme saves.
import { useEffect, useState } from 'react';
import { useServices } from '../../app/services';
import { toUserError } from '../../bridge/errors';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';

/** A theme's values as the contract returns them (id and name included). */
export type ThemeValues = Record<string, unknown>;

interface ThemeEditorProps {
  /** The user theme being edited; null keeps the dialog closed. */
  theme: ThemeValues | null;
  onClose: () => void;
  onSaved: (id: string) => void;
}

function splitValues(theme: ThemeValues): { name: string; json: string } {
  // id stays fixed (it is the file name); name has its own field.
  const { id: _id, name, ...rest } = theme;
  return { name: typeof name === 'string' ? name : '', json: JSON.stringify(rest, null, 2) };
}

export function ThemeEditor({ theme, onClose, onSaved }: ThemeEditorProps) {
  const { bridge } = useServices();
  const [name, setName] = useState('');
  const [json, setJson] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!theme) return;
    const split = splitValues(theme);
    setName(split.name);
    setJson(split.json);
    setError(null);
    setBusy(false);
  }, [theme]);

  async function save(): Promise<void> {
    if (!theme) return;
    let values: unknown;
    try {
      values = JSON.parse(json);
    } catch (e) {
      setError(`The values are not valid JSON: ${(e as Error).message}. Check the commas and quotes near that position.`);
      return;
    }
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      setError('The values must be one JSON object ({ … }).');
      return;
    }
    setBusy(true);
    try {
      const saved = await bridge.invoke('themes.save', { theme: { ...values, id: theme.id, name: name.trim() } });
      onSaved(saved.id);
    } catch (e) {
      setError(toUserError(e).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="Edit theme" open={theme !== null} onClose={onClose} testId="theme-editor">
      <form
        className="form theme-editor"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void save();
        }}
      >
        <label className="field">
          <span className="field-label">Name</span>
          <input className="input" data-testid="theme-editor-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Values (JSON: lens, light, grade, pose, backdrop…)</span>
          <textarea
            className="input input-mono theme-editor-json"
            data-testid="theme-editor-json"
            spellCheck={false}
            value={json}
            onChange={(e) => setJson(e.target.value)}
          />
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="theme-editor-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <Button variant="ghost" onClick={onClose}>
            Close
          </Button>
          <Button variant="primary" type="submit" disabled={busy || !name.trim()} data-testid="theme-editor-save">
            Save theme
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
