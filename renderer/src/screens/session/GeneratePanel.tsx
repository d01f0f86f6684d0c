import { useEffect, useState } from 'react';
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
  onGenerate: (options: { refineStrength?: number }) => void;
  /** The selected theme's refine strength, or null before a theme is picked. */
  refineDefault: number | null;
  /** Refine needs a real pixel-diffusion model; without one the slider stays off and says why. */
  diffusionInstalled: boolean;
}

// The theme schema's range: below 0.4 composite seams survive, above 0.7 faces drift from the person.
export const REFINE_MIN = 0.4;
export const REFINE_MAX = 0.7;
export const NO_DIFFUSION_REASON = 'Add a pixel-diffusion model in Settings › Models';

export function GeneratePanel(props: GeneratePanelProps) {
  const [valid, setValid] = useState(true);
  const [strength, setStrength] = useState<number | null>(props.refineDefault);
  // A newly picked theme brings its own strength; the user's tweak applies to the theme it was made on.
  useEffect(() => setStrength(props.refineDefault), [props.refineDefault]);
  const refineOn = props.diffusionInstalled && strength !== null;
  const refineReason = !props.diffusionInstalled ? NO_DIFFUSION_REASON : strength === null ? 'Pick a theme first.' : null;

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
      <label className="refine-strength" title={refineReason ?? 'How much refine may repaint the draft (faces get half)'}>
        Refine strength
        <input
          type="range"
          data-testid="refine-strength"
          min={REFINE_MIN}
          max={REFINE_MAX}
          step={0.05}
          value={strength ?? REFINE_MIN}
          disabled={!refineOn}
          onChange={(e) => setStrength(Number(e.target.value))}
        />
        <output data-testid="refine-strength-value">{strength !== null ? strength.toFixed(2) : '–'}</output>
      </label>
      {refineReason && <span className="muted small" data-testid="refine-strength-reason">{refineReason}</span>}
      <Button variant="primary" data-testid="generate" disabled={props.blockedReason !== null || !valid} title={props.blockedReason ?? 'Generate drafts (G)'} onClick={() => props.onGenerate(refineOn && strength !== null ? { refineStrength: strength } : {})}>
        Generate
      </Button>
      {props.blockedReason && <span className="muted small generate-hint">{props.blockedReason}</span>}
    </div>
  );
}
