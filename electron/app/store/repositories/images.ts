import type { Db } from '../database';
import { fromJson, toJson } from './json';

export type ImageStage = 'draft' | 'refined' | 'upscaled' | 'export';

export interface ImageRecord {
  id: string;
  projectId: string;
  generationId: string | null;
  /** The image this one was made from (a draft for a refined image, …). */
  parentId: string | null;
  stage: ImageStage;
  relPath: string;
  width: number;
  height: number;
  seed: number | null;
  theme: string | null;
  /** The full recipe of this image (also embedded in the file's metadata). */
  recipe: unknown;
  /** Cosine similarity to each source person, by person id. */
  identityScores: Record<string, number> | null;
  rating: number | null;
  favourite: boolean;
  createdAt: string;
}

interface ImageRow {
  id: string;
  project_id: string;
  generation_id: string | null;
  parent_id: string | null;
  stage: ImageStage;
  rel_path: string;
  width: number;
  height: number;
  seed: number | null;
  theme: string | null;
  recipe_json: string;
  identity_scores_json: string | null;
  rating: number | null;
  favourite: 0 | 1;
  created_at: string;
}

function toImage(r: ImageRow): ImageRecord {
  return {
    id: r.id,
    projectId: r.project_id,
    generationId: r.generation_id,
    parentId: r.parent_id,
    stage: r.stage,
    relPath: r.rel_path,
    width: r.width,
    height: r.height,
    seed: r.seed,
    theme: r.theme,
    recipe: fromJson<unknown>(r.recipe_json, null),
    identityScores: fromJson<Record<string, number> | null>(r.identity_scores_json, null),
    rating: r.rating,
    favourite: r.favourite === 1,
    createdAt: r.created_at,
  };
}

/** An image row without its recipe: the recipe's identity verdict is read by SQLite, not parsed per row here. */
export interface ImageSummaryRecord extends Omit<ImageRecord, 'recipe'> {
  rejected: boolean;
  rejectReason: string | null;
}

export interface ImageSummaryQuery {
  projectId?: string;
  stage?: ImageStage;
  theme?: string;
  minRating?: number;
  favourite?: boolean;
  sort: 'newest' | 'oldest' | 'rating';
  offset?: number;
  limit?: number;
}

type SummaryRow = Omit<ImageRow, 'recipe_json'> & { rejected: 0 | 1 | null; reject_reason: string | null };

const SUMMARY_ORDER: Record<ImageSummaryQuery['sort'], string> = {
  newest: 'created_at DESC, id DESC',
  oldest: 'created_at ASC, id ASC',
  rating: 'COALESCE(rating, -1) DESC, created_at DESC, id DESC',
};

export class ImagesRepository {
  constructor(private readonly db: Db) {}

  /** Call after the file has been renamed into place, so a row never points at a missing file. */
  insert(i: ImageRecord): ImageRecord {
    this.db
      .prepare(
        `INSERT INTO images (id, project_id, generation_id, parent_id, stage, rel_path, width, height, seed, theme, recipe_json, identity_scores_json, rating, favourite, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(i.id, i.projectId, i.generationId, i.parentId, i.stage, i.relPath, i.width, i.height, i.seed, i.theme, JSON.stringify(i.recipe), toJson(i.identityScores), i.rating, i.favourite ? 1 : 0, i.createdAt);
    return i;
  }

  get(id: string): ImageRecord | null {
    const row = this.db.prepare('SELECT * FROM images WHERE id = ?').get(id) as ImageRow | undefined;
    return row ? toImage(row) : null;
  }

  listByProject(projectId: string, filter: { stage?: ImageStage } = {}): ImageRecord[] {
    const rows = (
      filter.stage
        ? this.db.prepare('SELECT * FROM images WHERE project_id = ? AND stage = ? ORDER BY created_at DESC, id').all(projectId, filter.stage)
        : this.db.prepare('SELECT * FROM images WHERE project_id = ? ORDER BY created_at DESC, id').all(projectId)
    ) as ImageRow[];
    return rows.map(toImage);
  }

  /** Filtered, sorted and paged in SQL, so the first page of a 10,000-image gallery costs one page of rows. */
  listSummaries(q: ImageSummaryQuery): ImageSummaryRecord[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (q.projectId !== undefined) (where.push('project_id = ?'), params.push(q.projectId));
    if (q.stage !== undefined) (where.push('stage = ?'), params.push(q.stage));
    if (q.theme !== undefined) (where.push('theme = ?'), params.push(q.theme));
    if (q.minRating !== undefined) (where.push('COALESCE(rating, 0) >= ?'), params.push(q.minRating));
    if (q.favourite !== undefined) (where.push('favourite = ?'), params.push(q.favourite ? 1 : 0));
    // LIMIT -1 is SQLite's "no limit", needed when only an offset is given.
    const page = q.limit !== undefined || q.offset !== undefined ? ' LIMIT ? OFFSET ?' : '';
    if (page) params.push(q.limit ?? -1, q.offset ?? 0);
    const rows = this.db
      .prepare(
        `SELECT id, project_id, generation_id, parent_id, stage, rel_path, width, height, seed, theme, identity_scores_json, rating, favourite, created_at,
                json_extract(recipe_json, '$.identity.rejected') AS rejected, json_extract(recipe_json, '$.identity.reason') AS reject_reason
         FROM images${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY ${SUMMARY_ORDER[q.sort]}${page}`,
      )
      .all(...params) as SummaryRow[];
    return rows.map((r) => {
      const { recipe: _recipe, ...rest } = toImage({ ...r, recipe_json: 'null' });
      return { ...rest, rejected: r.rejected === 1, rejectReason: typeof r.reject_reason === 'string' ? r.reject_reason : null };
    });
  }

  /** The image and its ancestors, newest first (export → upscaled → refined → draft). */
  lineage(id: string): ImageRecord[] {
    const rows = this.db
      .prepare(
        `WITH RECURSIVE chain(id, depth) AS (SELECT ?, 0 UNION ALL SELECT i.parent_id, c.depth + 1 FROM images i JOIN chain c ON i.id = c.id WHERE i.parent_id IS NOT NULL AND c.depth < 64)
         SELECT images.* FROM chain JOIN images ON images.id = chain.id ORDER BY chain.depth`,
      )
      .all(id) as ImageRow[];
    return rows.map(toImage);
  }

  setRating(id: string, rating: number | null): boolean {
    return this.db.prepare('UPDATE images SET rating = ? WHERE id = ?').run(rating, id).changes === 1;
  }

  setFavourite(id: string, favourite: boolean): boolean {
    return this.db.prepare('UPDATE images SET favourite = ? WHERE id = ?').run(favourite ? 1 : 0, id).changes === 1;
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM images WHERE id = ?').run(id).changes === 1;
  }

  /** Images made from this one (upscales, refinements, exports). */
  childIds(id: string): string[] {
    return (this.db.prepare('SELECT id FROM images WHERE parent_id = ? ORDER BY id').all(id) as { id: string }[]).map((r) => r.id);
  }

  /** Links these images back to `parentId`, but only those whose link a delete cleared (no other parent since). */
  relinkOrphans(ids: readonly string[], parentId: string): number {
    const stmt = this.db.prepare('UPDATE images SET parent_id = ? WHERE id = ? AND parent_id IS NULL');
    let n = 0;
    for (const id of ids) n += stmt.run(parentId, id).changes;
    return n;
  }
}
