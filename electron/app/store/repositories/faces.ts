import type { Db } from '../database';
import { fromJson, toJson } from './json';

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FaceRecord {
  id: string;
  photoId: string;
  personId: string | null;
  box: FaceBox;
  pose: unknown;
  quality: unknown;
  /** Large arrays live in files beside the photo; rows keep their project-relative paths. */
  meshRelPath: string | null;
  matteRelPath: string | null;
  embedding: Float32Array | null;
  createdAt: string;
}

interface FaceRow {
  id: string;
  photo_id: string;
  person_id: string | null;
  box_json: string;
  pose_json: string | null;
  quality_json: string | null;
  mesh_rel_path: string | null;
  matte_rel_path: string | null;
  embedding: Buffer | null;
  created_at: string;
}

function toFace(r: FaceRow): FaceRecord {
  return {
    id: r.id,
    photoId: r.photo_id,
    personId: r.person_id,
    box: fromJson<FaceBox>(r.box_json, { x: 0, y: 0, width: 0, height: 0 }),
    pose: fromJson<unknown>(r.pose_json, null),
    quality: fromJson<unknown>(r.quality_json, null),
    meshRelPath: r.mesh_rel_path,
    matteRelPath: r.matte_rel_path,
    // Copied out of the row buffer so the array owns aligned memory.
    embedding: r.embedding ? new Float32Array(new Uint8Array(r.embedding).buffer) : null,
    createdAt: r.created_at,
  };
}

export class FacesRepository {
  constructor(private readonly db: Db) {}

  /** Replaces a photo's faces in one transaction (re-analysing gives a fresh, complete set). */
  replaceForPhoto(photoId: string, faces: readonly FaceRecord[]): void {
    const insert = this.db.prepare(
      `INSERT INTO faces (id, photo_id, person_id, box_json, pose_json, quality_json, mesh_rel_path, matte_rel_path, embedding, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM faces WHERE photo_id = ?').run(photoId);
      for (const f of faces) {
        const embedding = f.embedding ? Buffer.from(f.embedding.buffer, f.embedding.byteOffset, f.embedding.byteLength) : null;
        insert.run(f.id, photoId, f.personId, JSON.stringify(f.box), toJson(f.pose), toJson(f.quality), f.meshRelPath, f.matteRelPath, embedding, f.createdAt);
      }
    })();
  }

  get(id: string): FaceRecord | null {
    const row = this.db.prepare('SELECT * FROM faces WHERE id = ?').get(id) as FaceRow | undefined;
    return row ? toFace(row) : null;
  }

  listByPhoto(photoId: string): FaceRecord[] {
    return (this.db.prepare('SELECT * FROM faces WHERE photo_id = ? ORDER BY created_at, id').all(photoId) as FaceRow[]).map(toFace);
  }

  assignPerson(id: string, personId: string | null): boolean {
    return this.db.prepare('UPDATE faces SET person_id = ? WHERE id = ?').run(personId, id).changes === 1;
  }
}
