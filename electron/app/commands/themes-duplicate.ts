import { mkdirSync } from 'node:fs';
import { duplicateTheme, saveTheme } from '../../../themes/schema';
import { isBuiltInTheme, listUserThemes, userThemesDir } from '../pipeline/theme';
import { findThemeOrFail } from './themes-get';
import type { Handler } from './types';

// Ids are file names and must match the schema's id rule: lower-case, digits and dashes, ≤ 63 chars.
function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56);
  return slug.length >= 2 ? slug : 'my-theme';
}

/** The name's slug, numbered when a bundled or user theme already has it (never overwrites either). */
export function freshThemeId(name: string, taken: (id: string) => boolean): string {
  const base = slugOf(name);
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

export const themesDuplicate: Handler<'themes.duplicate'> = ({ id, name }, services) => {
  const source = findThemeOrFail(id, services);
  const dir = userThemesDir(services.dataDir);
  const userIds = new Set(listUserThemes(dir).map((t) => t.id));
  const copyId = freshThemeId(name, (candidate) => isBuiltInTheme(candidate) || userIds.has(candidate));
  // Re-validated here, so the copy is a theme the pipeline can render as is.
  const copy = duplicateTheme(source, copyId, name);
  mkdirSync(dir, { recursive: true });
  saveTheme(copy, dir);
  return copy;
};
