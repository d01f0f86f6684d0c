/** A one-of-a-few choice as joined buttons (radio semantics), e.g. age or scene. */
interface SegmentedProps<T extends string> {
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  testId: string;
  onPick: (value: T) => void;
}

export function Segmented<T extends string>({ label, options, labels, value, testId, onPick }: SegmentedProps<T>) {
  return (
    <div className="segmented" role="radiogroup" aria-label={label}>
      {options.map((option) => (
        <button key={option} type="button" role="radio" aria-checked={value === option} className={`segment${value === option ? ' is-selected' : ''}`} data-testid={`${testId}-${option}`} onClick={() => onPick(option)}>
          {labels[option]}
        </button>
      ))}
    </div>
  );
}
