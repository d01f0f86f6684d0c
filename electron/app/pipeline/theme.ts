// Theme lookup for the pipeline: a theme problem becomes a contract VALIDATION error that names
// the theme and the field, so the user (or the CLI) knows exactly what to fix.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundledThemesDir, listThemeIds, loadTheme, resolveTheme, ThemeError, type ResolvedTheme, type Theme, type ThemeOverrides } from '../../../themes/schema';
import { PairlightError } from '../errors';

export type ThemeSource = 'built-in' | 'user';

/** A user's own themes (duplicated and edited in the app) live apart from the bundled ones, which stay read-only. */
export function userThemesDir(dataDir: string): string {
  return join(dataDir, 'themes', 'user');
}

export function isBuiltInTheme(id: string): boolean {
  return existsSync(join(bundledThemesDir, `${id}.json`));
}

/** Built-in first: a user file can never shadow a bundled theme of the same id. */
export function loadAnyTheme(id: string, userDir?: string): { theme: Theme; source: ThemeSource } {
  if (userDir && !isBuiltInTheme(id) && existsSync(join(userDir, `${id}.json`))) return { theme: loadTheme(id, userDir), source: 'user' };
  return { theme: loadTheme(id), source: 'built-in' };
}

/**
 * The user's themes that load; a hand-broken file is left out rather than hiding every theme
 * from the picker (resolving it by id still reports the exact field).
 */
export function listUserThemes(userDir: string): Theme[] {
  if (!existsSync(userDir)) return [];
  const themes: Theme[] = [];
  for (const id of listThemeIds(userDir)) {
    try {
      if (!isBuiltInTheme(id)) themes.push(loadTheme(id, userDir));
    } catch (error) {
      if (!(error instanceof ThemeError)) throw error;
    }
  }
  return themes;
}

export function themeFailure(error: ThemeError): PairlightError {
  return new PairlightError('VALIDATION', `Theme problem: ${error.message}. Pick one of the listed themes or fix that value.`, { field: error.field });
}

/** `userDir` (see userThemesDir) lets generations use the user's own themes too. */
export function resolveThemeOrFail(id: string, overrides: ThemeOverrides = {}, dir?: string, userDir?: string): ResolvedTheme {
  try {
    return resolveTheme(dir ? loadTheme(id, dir) : loadAnyTheme(id, userDir).theme, overrides);
  } catch (error) {
    if (error instanceof ThemeError) throw themeFailure(error);
    throw error;
  }
}
