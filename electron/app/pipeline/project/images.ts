// The contract's view of an image row, the gallery's filters and sort, and delete-with-undo
// (the file and the row move to the project's trash; restore puts both back).
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { CommandInput, Image } from '../../../contract';
import { notFound, PairlightError } from '../../errors';
import { writeFileAtomic } from '../../files/atomic';
import type { AppServices } from '../../services';
import type { ImageRecord, ImageSummaryRecord } from '../../store/repositories';

interface RecipeVerdict {
  identity?: { rejected?: boolean; reason?: string | null };
}

export function imageView(r: ImageRecord): Image {
  const identity = (r.recipe as RecipeVerdict | null)?.identity;
  return {
    id: r.id,
    projectId: r.projectId,
    generationId: r.generationId,
    parentId: r.parentId,
    stage: r.stage,
    relPath: r.relPath,
    width: r.width,
    height: r.height,
    seed: r.seed,
    theme: r.theme,
    identityScores: r.identityScores,
    rejected: identity?.rejected === true,
    rejectReason: identity?.reason ?? null,
    rating: r.rating,
    favourite: r.favourite,
    createdAt: r.createdAt,
  };
}

export function getImage(services: AppServices, id: string): ImageRecord {
  return services.repos.images.get(id) ?? notFound('image', id);
}

type ListFilter = Omit<CommandInput<'images.list'>, 'sort'> & { sort: 'newest' | 'oldest' | 'rating' | 'identity' };

const weakest = (i: Image): number => (i.identityScores ? Math.min(...Object.values(i.identityScores)) : -Infinity);

/**
 * Column filters, date and rating sorts and paging run in SQL on the slim rows (no recipe is
 * parsed here). Person, rejection and identity need the JSON columns: those few stay in memory,
 * and then the page is cut here.
 */
export function listImages(services: AppServices, filter: ListFilter): Image[] {
  if (filter.projectId && !services.repos.projects.exists(filter.projectId)) notFound('project', filter.projectId);
  const inMemory = filter.personId !== undefined || filter.rejected !== undefined || filter.sort === 'identity';
  const { projectId, stage, theme, minRating, favourite, offset, limit } = filter;
  let images = services.repos.images
    .listSummaries({
      ...(projectId !== undefined && { projectId }),
      ...(stage !== undefined && { stage }),
      ...(theme !== undefined && { theme }),
      ...(minRating !== undefined && { minRating }),
      ...(favourite !== undefined && { favourite }),
      sort: filter.sort === 'identity' ? 'newest' : filter.sort,
      ...(!inMemory && offset !== undefined && { offset }),
      ...(!inMemory && limit !== undefined && { limit }),
    })
    .map((r: ImageSummaryRecord): Image => r);
  if (!inMemory) return images;
  if (filter.personId !== undefined) images = images.filter((i) => i.identityScores !== null && filter.personId! in i.identityScores);
  if (filter.rejected !== undefined) images = images.filter((i) => i.rejected === filter.rejected);
  // Stable sort over newest-first rows: equal identity keeps newest first, as before.
  if (filter.sort === 'identity') images.sort((a, b) => weakest(b) - weakest(a));
  const from = offset ?? 0;
  return images.slice(from, limit === undefined ? undefined : from + limit);
}

/** What the trash keeps of a deleted image: its row, and which images were made from it. */
interface TrashedImage extends ImageRecord {
  childIds?: string[];
}

const trashDir = (services: AppServices, r: Pick<ImageRecord, 'projectId' | 'id'>) => join(services.folders.pathOf(r.projectId), '.trash', encodeURIComponent(r.id));

/** File first (moved into the trash with the row's JSON beside it), then the row. */
export async function trashImage(services: AppServices, id: string): Promise<void> {
  const record = getImage(services, id);
  const dir = trashDir(services, record);
  await mkdir(dir, { recursive: true });
  // The delete clears the children's links to it (ON DELETE SET NULL); the trash remembers them for undo.
  const trashed: TrashedImage = { ...record, childIds: services.repos.images.childIds(id) };
  await writeFileAtomic(join(dir, 'row.json'), JSON.stringify(trashed));
  const file = join(services.folders.pathOf(record.projectId), record.relPath);
  await rename(file, join(dir, 'file')).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  try {
    services.repos.images.delete(id);
  } catch (error) {
    await rename(join(dir, 'file'), file).catch(() => {});
    throw error;
  }
}

/** Undo of a delete: the file goes back, then the row, and the children it had link to it again. */
export async function restoreImage(services: AppServices, id: string): Promise<ImageRecord> {
  if (services.repos.images.get(id)) throw new PairlightError('CONFLICT', 'This image is not deleted; there is nothing to undo.');
  const projects = services.repos.projects.list();
  for (const p of projects) {
    const dir = trashDir(services, { projectId: p.id, id });
    let trashed: TrashedImage;
    try {
      trashed = JSON.parse(await readFile(join(dir, 'row.json'), 'utf8')) as TrashedImage;
    } catch {
      continue;
    }
    const { childIds = [], ...record } = trashed;
    const file = join(services.folders.pathOf(record.projectId), record.relPath);
    await mkdir(dirname(file), { recursive: true });
    await rename(join(dir, 'file'), file);
    // The parent may have been deleted meanwhile: then the restored image has no parent.
    const parentId = record.parentId && services.repos.images.get(record.parentId) ? record.parentId : null;
    const restored = services.repos.db.transaction(() => {
      const row = services.repos.images.insert({ ...record, parentId });
      services.repos.images.relinkOrphans(childIds, id);
      return row;
    })();
    await rm(dir, { recursive: true, force: true });
    return restored;
  }
  return notFound('deleted image', id);
}
