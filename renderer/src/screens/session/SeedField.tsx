import { useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { parseSeed } from '../../stores/session';

interface SeedFieldProps {
  seed: number;
  onSeed: (seed: number) => void;
  onRandomSeed: () => void;
  /** Told whether the text typed is a seed, so Generate can wait for a valid one. */
  onValidity?: (valid: boolean) => void;
}

/** The seed as the user types it: kept as text so a half-typed number is not thrown away. */
export function SeedField({ seed, onSeed, onRandomSeed, onValidity }: SeedFieldProps) {
  const [text, setText] = useState(String(seed));
  useEffect(() => setText(String(seed)), [seed]);
  const valid = parseSeed(text) !== null;
  useEffect(() => onValidity?.(valid), [onValidity, valid]);

  return (
    <label className={`seed-field${valid ? '' : ' is-invalid'}`}>
      <span className="field-label">Seed</span>
      <input
        className="input input-mono"
        data-testid="seed-input"
        inputMode="numeric"
        value={text}
        aria-invalid={!valid}
        title={valid ? 'Same photos + settings + seed give the same pictures' : 'A whole number from 0 to 4294967295'}
        onChange={(e) => {
          setText(e.target.value);
          const next = parseSeed(e.target.value);
          if (next !== null) onSeed(next);
        }}
      />
      <Button variant="ghost" icon="dice" title="New random seed" aria-label="New random seed" onClick={onRandomSeed} />
    </label>
  );
}
