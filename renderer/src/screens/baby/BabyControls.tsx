import { useState } from 'react';
import { Button } from '../../components/Button';
import { Segmented } from '../../components/Segmented';
import { SeedField } from '../session/SeedField';
import { MAX_BABY_VARIATIONS } from '../../bridge/types';
import { AGE_LABEL, BABY_AGES, BABY_SCENES, SCENE_LABEL, type BabyAge, type BabyScene, type BabySettings } from './baby-data';
import { ResemblanceSlider } from './ResemblanceSlider';

interface BabyControlsProps {
  settings: BabySettings;
  seed: number;
  reuseSeed: boolean;
  /** Why Generate cannot run now, or null. */
  blockedReason: string | null;
  onChange: (patch: Partial<BabySettings>) => void;
  onSeed: (seed: number) => void;
  onReuseSeed: (reuse: boolean) => void;
  onRandomSeed: () => void;
  onGenerate: () => void;
}

const VARIATION_COUNTS = Array.from({ length: MAX_BABY_VARIATIONS }, (_, i) => i + 1);

export function BabyControls({ settings, ...props }: BabyControlsProps) {
  const [seedValid, setSeedValid] = useState(true);
  return (
    <div className="baby-controls" data-testid="baby-controls">
      <div className="baby-control-row">
        <div className="baby-field">
          <span className="field-label">Age</span>
          <Segmented<BabyAge> label="Age" options={BABY_AGES} labels={AGE_LABEL} value={settings.age} testId="age" onPick={(age) => props.onChange({ age })} />
        </div>
        <div className="baby-field">
          <span className="field-label">Scene</span>
          <Segmented<BabyScene> label="Scene" options={BABY_SCENES} labels={SCENE_LABEL} value={settings.scene} testId="scene" onPick={(scene) => props.onChange({ scene })} />
        </div>
      </div>
      <ResemblanceSlider shareA={settings.shareA} onChange={(shareA) => props.onChange({ shareA })} />
      <div className="baby-control-row">
        <label className="baby-field">
          <span className="field-label">Variations</span>
          <select className="input input-narrow" data-testid="variations" value={settings.variations} onChange={(e) => props.onChange({ variations: Number(e.target.value) })}>
            {VARIATION_COUNTS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <SeedField seed={props.seed} onSeed={props.onSeed} onRandomSeed={props.onRandomSeed} onValidity={setSeedValid} />
        <label className="check">
          <input type="checkbox" data-testid="reuse-seed" checked={props.reuseSeed} onChange={(e) => props.onReuseSeed(e.target.checked)} />
          Reuse seed
        </label>
        <Button variant="primary" data-testid="generate" disabled={props.blockedReason !== null || !seedValid} title={props.blockedReason ?? 'Generate baby portraits'} onClick={props.onGenerate}>
          Generate
        </Button>
      </div>
      {props.blockedReason && <span className="muted small">{props.blockedReason}</span>}
    </div>
  );
}
