import { ThemeError, type Theme } from '../../../themes/schema';
import { loadAnyTheme, themeFailure, userThemesDir } from '../pipeline/theme';
import { notFound } from '../errors';
import type { AppServices } from '../services';
import type { Handler } from './types';

/** A bundled or user theme by id, as a contract error when it is missing or broken. */
export function findThemeOrFail(id: string, services: AppServices): Theme {
  try {
    return loadAnyTheme(id, userThemesDir(services.dataDir)).theme;
  } catch (error) {
    // A missing theme is NOT_FOUND; a user file broken by hand names its bad field.
    if (error instanceof ThemeError && error.field === 'id' && error.message.startsWith('no theme')) notFound('theme', id);
    if (error instanceof ThemeError) throw themeFailure(error);
    throw error;
  }
}

/** A theme's full values, for the expert editor. */
export const themesGet: Handler<'themes.get'> = ({ id }, services) => findThemeOrFail(id, services);
