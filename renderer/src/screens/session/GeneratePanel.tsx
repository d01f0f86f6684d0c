import { useState } from 'react';
import { Button } from '../../components/Button';
import { SeedField } from './SeedField';

interface GeneratePanelProps {
  count: 4 | 8;
  seed: number;
  reuseSeed: boolean;
  /** Why Generate cannot run now (no photos, no theme, command not there yet), or null. */
  blockedReason: string | null;
  onCount: (count: 4 | 8) => void;
  onSeed: (seed: number) => void;
  onReuseSeed: (reuse: boolean) => void;
  onRandomSeed: () => void;
  onGenerate: () => void;
}

export function GeneratePanel(props: GeneratePanelProps) {
  const [valid, setValid] = useState(true);

  return (
    <div className="generate-panel" data-testid="generate-panel">
      <div className="segmented" role="radiogroup" aria-label="Number of drafts">
        {([4, 8] as const).map((n) => (
          <button key={n} type="button" role="radio" aria-checked={props.count === n} className={`segment${props.count === n ? ' is-selected' : ''}`} data-testid={`count-${n}`} onClick={() => props.onCount(n)}>
            {n} drafts
          </button>
        ))}
      </div>
      <SeedField seed={props.seed} onSeed={props.onSeed} onRandomSeed={props.onRandomSeed} onValidity={setValid} />
      <label className="check">
        <input type="checkbox" data-testid="reuse-seed" checked={props.reuseSeed} onChange={(e) => props.onReuseSeed(e.target.checked)} />
        Reuse seed
      </label>
      <Button variant="primary" data-testid="generate" disabled={props.blockedReason !== null || !valid} title={props.blockedReason ?? 'Generate drafts (G)'} onClick={props.onGenerate}>
        Generate
      </Button>
      {props.blockedReason && <span className="muted small generate-hint">{props.blockedReason}</span>}
    </div>
  );
}
