import { existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fail, notFound } from '../errors';
import { isBuiltInTheme, userThemesDir } from '../pipeline/theme';
import type { Handler } from './types';

/** Removes one of the user's themes; bundled themes ship with the app and stay. */
export const themesDelete: Handler<'themes.delete'> = ({ id }, services) => {
  if (isBuiltInTheme(id)) fail('CONFLICT', `"${id}" is a built-in theme and cannot be deleted.`, { field: 'id' });
  const file = join(userThemesDir(services.dataDir), `${id}.json`);
  if (!existsSync(file)) notFound('theme', id);
  unlinkSync(file);
  return { id };
};
