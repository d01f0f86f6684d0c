// Whether refine can run: a real pixel-diffusion model is installed. Asked of models.list (test-only
// models are never real, so they never enable the slider) and asked again whenever models change.
import { useEffect, useState } from 'react';
import { useServices } from '../../app/services';
import { hasCommand } from '../../bridge/capabilities';
import type { ModelListItem } from '../../bridge/types';

export function hasRealDiffusionModel(models: readonly ModelListItem[]): boolean {
  return models.some((m) => m.task === 'diffusion' && m.status === 'installed' && !m.testOnly);
}

export function useDiffusionModel(): boolean {
  const { bridge } = useServices();
  const [installed, setInstalled] = useState(false);
  useEffect(() => {
    if (!hasCommand('models.list')) return;
    let live = true;
    const check = () => {
      bridge.invoke('models.list', {}).then(
        (models) => live && setInstalled(hasRealDiffusionModel(models)),
        // Unknown is treated as absent: the slider stays off with its reason rather than failing.
        () => live && setInstalled(false),
      );
    };
    check();
    const off = bridge.on('models.changed', check);
    return () => {
      live = false;
      off();
    };
  }, [bridge]);
  return installed;
}
