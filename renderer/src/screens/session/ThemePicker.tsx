import { useState } from 'react';
import type { ThemeView } from '../../stores/session';
import { useServices } from '../../app/services';
import { hasCommand } from '../../bridge/capabilities';
import { toUserError } from '../../bridge/errors';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ThemeEditor, type ThemeValues } from './ThemeEditor';

interface ThemePickerProps {
  themes: ThemeView[];
  selected: string | null;
  onPick: (id: string) => void;
  /** Shown instead of the grid while themes cannot be listed yet. */
  unavailableReason: string | null;
  /** Lists the themes again after one was duplicated, saved or deleted; without it the cards have no actions. */
  onThemesChanged?: () => Promise<void>;
}

export function ThemePicker({ themes, selected, onPick, unavailableReason, onThemesChanged }: ThemePickerProps) {
  const { bridge, toasts } = useServices();
  const [editing, setEditing] = useState<ThemeValues | null>(null);
  // Deleting asks once more on the same button, so one stray click never loses a theme.
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null);
  const editable = onThemesChanged !== undefined && hasCommand('themes.duplicate') && hasCommand('themes.save');

  const fail = (error: unknown) => toasts.getState().error(toUserError(error));
  const refresh = () => onThemesChanged?.().catch(fail);

  async function duplicate(theme: ThemeView): Promise<void> {
    try {
      const copy = await bridge.invoke('themes.duplicate', { id: theme.id, name: `${theme.name} (copy)` });
      setEditing(copy);
      // The copy exists from now on (even if the editor is closed unsaved), so list it.
      void refresh();
    } catch (error) {
      fail(error);
    }
  }

  async function edit(theme: ThemeView): Promise<void> {
    try {
      setEditing(await bridge.invoke('themes.get', { id: theme.id }));
    } catch (error) {
      fail(error);
    }
  }

  async function remove(theme: ThemeView): Promise<void> {
    setConfirmDelete(null);
    try {
      await bridge.invoke('themes.delete', { id: theme.id });
      await onThemesChanged?.();
      if (selected === theme.id && themes[0]) onPick(themes[0].id);
    } catch (error) {
      fail(error);
    }
  }

  if (unavailableReason) return <EmptyState icon="image" title="Themes" testId="themes-unavailable">{unavailableReason}</EmptyState>;
  return (
    <>
      <div className="theme-grid" role="radiogroup" aria-label="Theme" data-testid="theme-grid">
        {themes.map((theme) => (
          <div key={theme.id} className="theme-slot" data-testid="theme-slot" data-theme-id={theme.id}>
            <button
              type="button"
              role="radio"
              aria-checked={selected === theme.id}
              className={`theme-card${selected === theme.id ? ' is-selected' : ''}`}
              data-testid="theme-card"
              onClick={() => onPick(theme.id)}
            >
              <div className="theme-preview">
                {theme.previewUrl ? (
                  <img src={theme.previewUrl} alt="" loading="lazy" decoding="async" />
                ) : (
                  // No preview rendered yet: show the frame the portrait will have.
                  <span className="aspect-frame" style={{ aspectRatio: theme.aspect.replace(':', ' / ') }} aria-hidden="true" />
                )}
                {theme.source === 'user' && (
                  <span className="yours-badge" data-testid="theme-yours">
                    Yours
                  </span>
                )}
                <span className="aspect-badge">{theme.aspect}</span>
              </div>
              <span className="theme-name">{theme.name}</span>
              <span className="theme-description">{theme.description}</span>
            </button>
            {editable && (
              <div className="theme-actions">
                <Button variant="ghost" className="btn-small" data-testid="theme-duplicate" onClick={() => void duplicate(theme)}>
                  Duplicate &amp; edit
                </Button>
                {theme.source === 'user' && (
                  <>
                    <Button variant="ghost" className="btn-small" data-testid="theme-edit" onClick={() => void edit(theme)}>
                      Edit
                    </Button>
                    <Button
                      variant={confirmDelete === theme.id ? 'danger' : 'ghost'}
                      className="btn-small"
                      data-testid="theme-delete"
                      onClick={() => (confirmDelete === theme.id ? void remove(theme) : setConfirmDelete(theme.id))}
                    >
                      {confirmDelete === theme.id ? 'Really delete?' : 'Delete'}
                    </Button>
                  </>
                )}
              </div>
            )}
          </div>
        ))}
      </div>
      <ThemeEditor
        theme={editing}
        onClose={() => setEditing(null)}
        onSaved={(id) => {
          setEditing(null);
          void refresh();
          onPick(id);
        }}
      />
    </>
  );
}
