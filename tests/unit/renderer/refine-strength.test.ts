// The couple Generate panel's refine strength slider: off with its reason until a real
// pixel-diffusion model is installed, then on at the selected theme's strength.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ModelListItem } from '../../../renderer/src/bridge/types';
import { GeneratePanel, NO_DIFFUSION_REASON } from '../../../renderer/src/screens/session/GeneratePanel';
import { hasRealDiffusionModel } from '../../../renderer/src/screens/session/useDiffusionModel';

const noop = () => undefined;
function panel(refineDefault: number | null, diffusionInstalled: boolean): string {
  return renderToStaticMarkup(
    createElement(GeneratePanel, {
      count: 4, seed: 1, reuseSeed: false, blockedReason: null, onCount: noop, onSeed: noop, onReuseSeed: noop, onRandomSeed: noop, onGenerate: noop,
      refineDefault, diffusionInstalled,
    }),
  );
}
const slider = (html: string) => html.match(/<input[^>]*data-testid="refine-strength"[^>]*>/)![0];

describe('refine strength slider', () => {
  it('is disabled without a diffusion model and says where to add one', () => {
    const html = panel(0.45, false);
    expect(slider(html)).toContain('disabled');
    expect(html).toContain(NO_DIFFUSION_REASON);
  });

  it('starts at the theme strength, spans 0.4–0.7 in 0.05 steps, and is enabled with a model', () => {
    const html = panel(0.55, true);
    const input = slider(html);
    expect(input).not.toContain('disabled');
    expect(input).toMatch(/min="0.4"/);
    expect(input).toMatch(/max="0.7"/);
    expect(input).toMatch(/step="0.05"/);
    expect(input).toMatch(/value="0.55"/);
    expect(html).not.toContain(NO_DIFFUSION_REASON);
  });

  it('counts only installed, real diffusion models', () => {
    const item = (over: Partial<ModelListItem>) => ({ task: 'diffusion', status: 'installed', testOnly: false, ...over }) as ModelListItem;
    expect(hasRealDiffusionModel([item({})])).toBe(true);
    expect(hasRealDiffusionModel([item({ testOnly: true })])).toBe(false);
    expect(hasRealDiffusionModel([item({ status: 'downloading' })])).toBe(false);
    expect(hasRealDiffusionModel([item({ task: 'upscale' })])).toBe(false);
    expect(hasRealDiffusionModel([])).toBe(false);
  });
});
