import { Icon } from '../../components/Icon';
import { AGE_LABEL, formatLikeness, type BabyResult } from './baby-data';
import { TraitReport } from './TraitReport';

interface BabyResultCardProps {
  result: BabyResult;
  index: number;
  selected: boolean;
  onToggle: (id: string) => void;
}

export function BabyResultCard({ result, index, selected, onToggle }: BabyResultCardProps) {
  return (
    <article className={`baby-card${selected ? ' is-selected' : ''}`} data-testid="baby-card" data-image-id={result.id}>
      <button type="button" className="baby-portrait" aria-pressed={selected} aria-label={`Select variation ${index + 1} for upscale or compare`} onClick={() => onToggle(result.id)}>
        <img src={result.url} alt={`Baby portrait, variation ${index + 1}, seed ${result.seed}`} decoding="async" />
        {selected && (
          <span className="draft-check">
            <Icon name="check" size={14} />
          </span>
        )}
      </button>
      <div className="baby-card-body">
        <header className="baby-card-head">
          <strong>Variation {index + 1}</strong>
          <span className="muted small">
            {AGE_LABEL[result.age]} · seed {result.seed}
          </span>
        </header>
        <p className="resemblance" data-testid="resemblance" title="Similarity of the baby's face to each parent's, from the face-embedding model">
          looks like <span className="person-dot person-A">A</span> <span data-testid="resemblance-a">{formatLikeness(result.resemblance.a)}</span> ·{' '}
          <span className="person-dot person-B">B</span> <span data-testid="resemblance-b">{formatLikeness(result.resemblance.b)}</span>
        </p>
        <TraitReport lines={result.lines} />
        {result.caveats.length > 0 && (
          <ul className="baby-caveats">
            {result.caveats.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        )}
        {/* download= names the file; in Electron the same link opens the card in the system viewer. */}
        <a className="btn btn-secondary" href={result.reportCardUrl} download={`baby-report-${result.seed}.png`} target="_blank" rel="noreferrer" data-testid="report-card-link">
          <Icon name="image" size={14} /> Report card
        </a>
      </div>
    </article>
  );
}
