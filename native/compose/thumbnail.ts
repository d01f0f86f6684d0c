// Theme picker thumbnails: the theme's own draft, small, from the bundled sample couple and
// the theme's base seed, so a thumbnail is stable from one launch to the next.
import type { ResolvedTheme, Theme } from '../../themes/schema';
import { resolveTheme } from '../../themes/schema';
import { type DraftResult, type PersonInput, renderDraft } from './draft';

export function renderThemeThumbnail(theme: Theme | ResolvedTheme, samplePeople: [PersonInput, PersonInput], shortSide = 256): DraftResult {
  const small = resolveTheme(theme, { canvas: { shortSide } });
  return renderDraft({ people: samplePeople, theme: small, seed: theme.variation.baseSeed });
}
