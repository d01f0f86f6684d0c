import { listThemes } from '../../../themes/schema';
import { listUserThemes, userThemesDir } from '../pipeline/theme';
import { dataUrl, ensureThumbnails } from '../pipeline/project/theme-thumbnails';
import type { Handler } from './types';

/** Every theme, bundled then the user's own, with a preview of the sample couple in it (rendered once, then cached on disk). */
export const themesList: Handler<'themes.list'> = async (_input, services) => {
  const builtIn = listThemes();
  const themes = [...builtIn, ...listUserThemes(userThemesDir(services.dataDir))];
  const thumbnails = await ensureThumbnails(services, themes);
  return Promise.all(
    themes.map(async (t, i) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      aspect: t.canvas.aspect,
      thumbnailPath: thumbnails[i],
      thumbnailUrl: await dataUrl(thumbnails[i]),
      source: i < builtIn.length ? ('built-in' as const) : ('user' as const),
      refineStrength: t.refine.strength,
    })),
  );
};
