import type { ThemeView } from '../../stores/session';
import { EmptyState } from '../../components/EmptyState';

interface ThemePickerProps {
  themes: ThemeView[];
  selected: string | null;
  onPick: (id: string) => void;
  /** Shown instead of the grid while themes cannot be listed yet. */
  unavailableReason: string | null;
}

export function ThemePicker({ themes, selected, onPick, unavailableReason }: ThemePickerProps) {
  if (unavailableReason) return <EmptyState icon="image" title="Themes" testId="themes-unavailable">{unavailableReason}</EmptyState>;
  return (
    <div className="theme-grid" role="radiogroup" aria-label="Theme" data-testid="theme-grid">
      {themes.map((theme) => (
        <button
          key={theme.id}
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
            <span className="aspect-badge">{theme.aspect}</span>
          </div>
          <span className="theme-name">{theme.name}</span>
          <span className="theme-description">{theme.description}</span>
        </button>
      ))}
    </div>
  );
}
