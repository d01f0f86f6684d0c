// Theme lookup for the pipeline: a theme problem becomes a contract VALIDATION error that names
// the theme and the field, so the user (or the CLI) knows exactly what to fix.
import { loadTheme, resolveTheme, ThemeError, type ResolvedTheme, type ThemeOverrides } from '../../../themes/schema';
import { PairlightError } from '../errors';

export function resolveThemeOrFail(id: string, overrides: ThemeOverrides = {}, dir?: string): ResolvedTheme {
  try {
    return resolveTheme(dir ? loadTheme(id, dir) : loadTheme(id), overrides);
  } catch (error) {
    if (error instanceof ThemeError) throw new PairlightError('VALIDATION', `Theme problem: ${error.message}. Pick one of the listed themes or fix that value.`, { field: error.field });
    throw error;
  }
}
