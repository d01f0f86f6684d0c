import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listThemes } from '../../../themes/schema';
import type { Handler } from './types';

/** Thumbnails are rendered by the demo / theme picker into <data>/themes/<id>.png; listed when present. */
export const themesList: Handler<'themes.list'> = (_input, services) =>
  listThemes().map((t) => {
    const thumb = join(services.dataDir, 'themes', `${t.id}.png`);
    return { id: t.id, name: t.name, description: t.description, aspect: t.canvas.aspect, thumbnailPath: existsSync(thumb) ? thumb : null };
  });
