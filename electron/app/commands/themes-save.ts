import { mkdirSync } from 'node:fs';
import { parseTheme, saveTheme, ThemeError } from '../../../themes/schema';
import { fail } from '../errors';
import { isBuiltInTheme, userThemesDir } from '../pipeline/theme';
import type { Handler } from './types';

/** Writes the user's edited theme; the message names the first bad field, e.g. "lens.aperture: …". */
export const themesSave: Handler<'themes.save'> = ({ theme }, services) => {
  let checked;
  try {
    checked = parseTheme(theme, 'theme');
  } catch (error) {
    if (!(error instanceof ThemeError)) throw error;
    // Drop parseTheme's "theme: " source prefix: the field path leads, which is what the user fixes.
    fail('VALIDATION', `${error.message.replace(/^theme: /, '')}. Fix that value and save again.`, { field: error.field });
  }
  if (isBuiltInTheme(checked.id)) {
    fail('CONFLICT', `"${checked.id}" is a built-in theme and cannot be changed. Duplicate it and edit the copy instead.`, { field: 'id' });
  }
  const dir = userThemesDir(services.dataDir);
  mkdirSync(dir, { recursive: true });
  saveTheme(checked, dir);
  return { id: checked.id, name: checked.name };
};
