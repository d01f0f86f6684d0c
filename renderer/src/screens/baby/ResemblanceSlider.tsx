import { formatShare } from './baby-data';

/** Parent A's share of the resemblance, with A at the left end as in the drop zones above. */
export function ResemblanceSlider({ shareA, onChange }: { shareA: number; onChange: (shareA: number) => void }) {
  // The input's value is B's share so that dragging toward the "A" end (left) raises A's share.
  const percentB = Math.round((1 - shareA) * 100);
  return (
    <div className="resemblance-field">
      <span className="field-label">Resemblance</span>
      <div className="resemblance-row">
        <span className="person-dot person-A" aria-hidden="true">A</span>
        <input
          type="range"
          min={0}
          max={100}
          step={5}
          value={percentB}
          data-testid="resemblance-slider"
          aria-label="Resemblance: toward parent A on the left, parent B on the right"
          aria-valuetext={formatShare(shareA)}
          onChange={(e) => onChange(1 - Number(e.target.value) / 100)}
        />
        <span className="person-dot person-B" aria-hidden="true">B</span>
      </div>
      <span className="resemblance-share" data-testid="resemblance-share">
        {formatShare(shareA)}
      </span>
    </div>
  );
}
