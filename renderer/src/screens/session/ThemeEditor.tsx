// Expert editor for one of the user's themes: its name, then every value as a labelled field,
// section by section (lens, light, grade, backdrop…), or the same values as JSON for bigger
// changes (another backdrop kind). The main side validates with the theme schema, so the error
// shown is the contract's, naming the field (e.g. "lens.aperture: …", and as `details.field`),
// and that field is marked; the dialog stays open until the theme saves.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useServices } from '../../app/services';
import { toUserError } from '../../bridge/errors';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { Segmented } from '../../components/Segmented';
import { fieldPath } from '../../../../themes/field-path';
import { fieldLabel, fieldMatchesError, parseNumberField, setAtPath, themeSections, type Path, type ThemeField } from './theme-fields';

/** A theme's values as the contract returns them (id and name included). */
export type ThemeValues = Record<string, unknown>;

type Mode = 'fields' | 'json';
const MODE_LABELS: Record<Mode, string> = { fields: 'Fields', json: 'JSON' };

/** What the dialog shows under the values; `field`: the path key of the value it is about, if one. */
interface EditorError {
  message: string;
  field: string | null;
}

interface ThemeEditorProps {
  /** The user theme being edited; null keeps the dialog closed. */
  theme: ThemeValues | null;
  onClose: () => void;
  onSaved: (id: string) => void;
}

/** The values without id (the file name, fixed) and name (its own input). */
function editableValues(theme: ThemeValues): ThemeValues {
  const { id: _id, name: _name, ...rest } = theme;
  return rest;
}

interface FieldInputProps {
  field: ThemeField;
  invalid: boolean;
  /** Text typed into number inputs that is not a number yet, by path key. */
  typing: Record<string, string>;
  onNumber: (path: Path, text: string) => void;
  onValue: (path: Path, value: unknown) => void;
  onBlur: () => void;
}

function FieldInput({ field, invalid, typing, onNumber, onValue, onBlur }: FieldInputProps) {
  const common = { className: 'input', 'data-testid': 'theme-field', 'aria-invalid': invalid || undefined, onBlur };
  if (field.kind === 'boolean') {
    return <input {...common} type="checkbox" className="theme-field-check" data-path={field.key} checked={field.value as boolean} onChange={(e) => onValue(field.path, e.target.checked)} />;
  }
  if (field.readOnly) {
    return <span className="theme-field-fixed" data-path={field.key} title={field.readOnly}>{String(field.value)} <small className="muted">(edit in the JSON view)</small></span>;
  }
  if (field.kind === 'choice') {
    return (
      <select {...common} data-path={field.key} value={field.value as string} onChange={(e) => onValue(field.path, e.target.value)}>
        {field.choices!.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
    );
  }
  if (field.kind === 'text') {
    return <input {...common} data-path={field.key} value={field.value as string} onChange={(e) => onValue(field.path, e.target.value)} />;
  }
  const numbers = field.kind === 'numbers' ? (field.value as number[]) : [field.value as number];
  return (
    <span className="theme-field-numbers">
      {numbers.map((n, i) => {
        const path = field.kind === 'numbers' ? [...field.path, i] : field.path;
        const key = fieldPath(path);
        return <input {...common} key={key} inputMode="decimal" data-path={key} value={typing[key] ?? String(n)} onChange={(e) => onNumber(path, e.target.value)} />;
      })}
    </span>
  );
}

export function ThemeEditor({ theme, onClose, onSaved }: ThemeEditorProps) {
  const { bridge } = useServices();
  const [name, setName] = useState('');
  const [values, setValues] = useState<ThemeValues>({});
  const [mode, setMode] = useState<Mode>('fields');
  const [json, setJson] = useState('');
  const [typing, setTyping] = useState<Record<string, string>>({});
  const [error, setError] = useState<EditorError | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!theme) return;
    setName(typeof theme.name === 'string' ? theme.name : '');
    setValues(editableValues(theme));
    setMode('fields');
    setTyping({});
    setError(null);
    setBusy(false);
  }, [theme]);

  const sections = useMemo(() => themeSections(values), [values]);
  const errorKey = error?.field ?? null;

  // Take the user to the field the error names.
  useEffect(() => {
    if (!errorKey || mode !== 'fields') return;
    const input = formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]');
    input?.scrollIntoView({ block: 'center' });
    input?.focus();
  }, [error?.message, errorKey, mode]);

  function onNumber(path: Path, text: string): void {
    const key = fieldPath(path);
    const n = parseNumberField(text);
    setTyping((t) => ({ ...t, [key]: text }));
    if (n !== null) setValues((v) => setAtPath(v, path, n));
  }

  /** JSON text → values, or an error that says where it broke. */
  function valuesFromJson(): ThemeValues | null {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (e) {
      setError({ message: `The values are not valid JSON: ${(e as Error).message}. Check the commas and quotes near that position.`, field: null });
      return null;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      setError({ message: 'The values must be one JSON object ({ … }).', field: null });
      return null;
    }
    return editableValues(parsed as ThemeValues);
  }

  function switchMode(next: Mode): void {
    if (next === mode) return;
    if (next === 'json') {
      setJson(JSON.stringify(values, null, 2));
      setTyping({});
    } else {
      const parsed = valuesFromJson();
      if (!parsed) return;
      setValues(parsed);
    }
    setError(null);
    setMode(next);
  }

  async function save(): Promise<void> {
    if (!theme) return;
    const toSave = mode === 'json' ? valuesFromJson() : values;
    if (!toSave) return;
    const unfinished = Object.entries(typing).find(([, text]) => parseNumberField(text) === null);
    if (mode === 'fields' && unfinished) {
      setError({ message: `${unfinished[0]}: "${unfinished[1]}" is not a number. Type a number there and save again.`, field: unfinished[0] });
      return;
    }
    setBusy(true);
    try {
      const saved = await bridge.invoke('themes.save', { theme: { ...toSave, id: theme.id, name: name.trim() } });
      onSaved(saved.id);
    } catch (e) {
      const failure = toUserError(e);
      setError({ message: failure.message, field: failure.field ?? null });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="Edit theme" open={theme !== null} onClose={onClose} testId="theme-editor">
      <form
        ref={formRef}
        className="form theme-editor"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) void save();
        }}
      >
        <div className="theme-editor-head">
          <label className="field">
            <span className="field-label">Name</span>
            <input className="input" data-testid="theme-editor-name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} />
          </label>
          <Segmented label="Edit as" options={['fields', 'json'] as const} labels={MODE_LABELS} value={mode} testId="theme-editor-mode" onPick={switchMode} />
        </div>
        {mode === 'fields' ? (
          <div className="theme-editor-fields" data-testid="theme-editor-fields">
            {sections.map((section) => (
              <fieldset key={section.name} className="theme-editor-section">
                <legend>{fieldLabel([section.name])}</legend>
                {section.fields.map((field) => {
                  const invalid = fieldMatchesError(field, errorKey);
                  return (
                    <label key={field.key} className={`theme-field${invalid ? ' is-invalid' : ''}`} title={field.key}>
                      <span className="theme-field-label">{fieldLabel(field.path)}</span>
                      <FieldInput field={field} invalid={invalid} typing={typing} onNumber={onNumber} onValue={(path, v) => setValues((old) => setAtPath(old, path, v))} onBlur={() => setTyping((t) => Object.fromEntries(Object.entries(t).filter(([, text]) => parseNumberField(text) === null)))} />
                    </label>
                  );
                })}
              </fieldset>
            ))}
          </div>
        ) : (
          <label className="field">
            <span className="field-label">Values (JSON: lens, light, grade, pose, backdrop…)</span>
            <textarea className="input input-mono theme-editor-json" data-testid="theme-editor-json" spellCheck={false} value={json} onChange={(e) => setJson(e.target.value)} />
          </label>
        )}
        {error && (
          <p className="form-error" role="alert" data-testid="theme-editor-error">
            {error.message}
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
