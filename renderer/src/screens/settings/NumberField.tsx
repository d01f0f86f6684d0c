import { useEffect, useState } from 'react';

/** A whole-number field that saves on Enter or blur, not on every keystroke, and only valid values. */
export function NumberField({ value, min, max, onCommit, testId }: { value: number; min: number; max: number; onCommit: (n: number) => void; testId?: string }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  const parsed = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(parsed) && parsed >= min && parsed <= max;
  const commit = () => {
    if (valid && parsed !== value) onCommit(parsed);
    else if (!valid) setText(String(value));
  };
  return (
    <input
      type="number"
      className={`input input-narrow${valid ? '' : ' is-invalid'}`}
      data-testid={testId}
      min={min}
      max={max}
      value={text}
      aria-invalid={!valid}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
