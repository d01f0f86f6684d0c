import type { DraftView, PersonSlot } from '../../stores/session';
import { formatIdentityScore } from '../../lib/format';
import { Icon } from '../../components/Icon';

interface DraftsGridProps {
  drafts: DraftView[];
  selected: string[];
  aspect: number;
  onToggle: (id: string) => void;
}

export function DraftsGrid({ drafts, selected, aspect, onToggle }: DraftsGridProps) {
  return (
    <div className="drafts-grid" data-testid="drafts-grid">
      {drafts.map((draft) => {
        const isSelected = selected.includes(draft.id);
        return (
          <button
            key={draft.id}
            type="button"
            className={`draft-card${isSelected ? ' is-selected' : ''}${draft.rejected ? ' is-rejected' : ''}`}
            data-testid="draft-card"
            aria-pressed={isSelected}
            disabled={draft.rejected !== null}
            onClick={() => onToggle(draft.id)}
          >
            <div className="draft-image" style={{ aspectRatio: String(aspect) }}>
              {draft.url ? <img src={draft.url} alt={`Draft, seed ${draft.seed}`} decoding="async" /> : <div className="draft-pending" aria-label="Rendering" />}
              {isSelected && (
                <span className="draft-check">
                  <Icon name="check" size={14} />
                </span>
              )}
            </div>
            <div className="draft-meta">
              {(Object.entries(draft.identity) as [PersonSlot, number][]).map(([person, score]) => (
                <span key={person} className="identity-score" data-testid="identity-score" title={`Likeness to person ${person} (cosine similarity of face embeddings)`}>
                  <span className={`person-dot person-${person}`}>{person}</span>
                  {formatIdentityScore(score)}
                </span>
              ))}
              {draft.rejected && (
                <span className="draft-reason" data-testid="draft-reason">
                  {draft.rejected}
                </span>
              )}
            </div>
          </button>
        );
      })}
    </div>
  );
}
