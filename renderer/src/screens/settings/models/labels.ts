// Words for the model manager's values, as the Models panel shows them.
import type { ModelListItem, ModelTask } from '../../../bridge/types';

export const TASK_LABELS: Record<ModelTask, string> = {
  'face-detect': 'Face detection',
  'face-mesh': 'Face mesh',
  iris: 'Iris',
  segmentation: 'Person matte',
  'face-embedding': 'Identity embedding',
  'face-attributes': 'Face attributes',
  upscale: 'Upscaler',
  diffusion: 'Pixel diffusion (refine)',
};

export const STATUS_LABELS: Record<ModelListItem['status'], string> = {
  installed: 'Installed',
  missing: 'Missing',
  corrupt: 'Damaged',
  downloading: 'Downloading',
  paused: 'Paused',
};

export const SOURCE_LABELS: Record<ModelListItem['source'], string> = {
  'built-in': 'Comes with Pairlight',
  imported: 'Imported',
  downloaded: 'Downloaded',
};

/** "≤ 2.4e-5" against its reference, or why there is no number. */
export function describeVerification(item: ModelListItem): string {
  if (item.verifiedMaxError === null) {
    if (item.source === 'built-in') return 'not verified';
    // User models have no reference to compare with; what they pass is the task's contract check.
    return item.status === 'installed' ? 'passed its task contract check' : 'checked when it arrives';
  }
  const e = item.verifiedMaxError;
  return `max error ${e === 0 ? '0' : e < 0.001 ? e.toExponential(1) : e.toPrecision(2)} vs reference`;
}
