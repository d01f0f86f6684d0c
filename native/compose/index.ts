// Public API of the compositor: theme rendering for drafts and the theme picker.
export { renderDraft } from './draft';
export type { DraftInput, DraftResult, DraftFace, DraftRecipe, DraftPersonRecipe, PersonInput } from './draft';
export { renderThemeThumbnail } from './thumbnail';
export { canvasSize } from './layout';
