import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomic';
import { newId } from '../ids';
import { exportRecipe, recipeFaceBoxes, renderPrint } from '../pipeline/export';
import { readPngImage } from '../pipeline/jobs/files';
import { getImage, imageView } from '../pipeline/project/images';
import type { Handler } from './types';

// Quick enough to run in the call (one resize and a JPEG encode); the file is written before its row.
export const exportPrint: Handler<'export.print'> = async ({ imageId, paper }, services) => {
  const source = getImage(services, imageId);
  const dir = services.folders.pathOf(source.projectId);
  const image = await readPngImage(dir, source.relPath);
  const recipe = exportRecipe(source.recipe, paper);
  const print = await renderPrint(image, paper, recipeFaceBoxes(source.recipe, image.width), recipe, services.repos.settings.get().embedMetadata);
  const id = newId();
  const relPath = `outputs/exports/${id}-${paper}.jpg`;
  await writeFileAtomic(join(dir, relPath), print.bytes);
  const row = services.repos.images.insert({
    id, projectId: source.projectId, generationId: source.generationId, parentId: source.id, stage: 'export', relPath,
    width: print.width, height: print.height, seed: source.seed, theme: source.theme, recipe, identityScores: source.identityScores,
    rating: null, favourite: false, createdAt: services.clock(),
  });
  return imageView(row);
};
