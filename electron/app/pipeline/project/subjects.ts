// Loads a couple's two people from the project (their chosen photo and face, the stored mesh,
// matte and embedding) as the DB-free pipeline's PortraitSubject.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PersonRole } from '../../../contract';
import type { FaceAnalysis, HeadPose, Point3 } from '../../../../native/face';
import { fail, PairlightError } from '../../errors';
import type { AppServices } from '../../services';
import type { FaceRecord, Photo } from '../../store/repositories';
import type { PortraitSubject } from '../analyze';
import type { PipelineModels } from '../models';
import { personForRole } from './people';
import { decodeMatte } from './photo-files';
import { decodeStoredPhoto, needsAnalysis, reanalysePhoto, type StoredQuality } from './photos';

export interface SubjectRef {
  role: PersonRole;
  personId: string;
  photoId: string;
  faceId: string;
}

const LABEL: Record<PersonRole, string> = { a: 'person A', b: 'person B' };

function chosenFace(services: AppServices, projectId: string, role: PersonRole): { photo: Photo; face: FaceRecord; personId: string } | null {
  const person = personForRole(services, projectId, role);
  if (!person) return null;
  // The newest photo of the person wins: a re-take replaces the earlier selfie.
  const photos = services.repos.photos.listByProject(projectId).filter((p) => p.personId === person.id).reverse();
  for (const photo of photos) {
    const face = services.repos.faces.listByPhoto(photo.id).find((f) => f.personId === person.id);
    if (face) return { photo, face, personId: person.id };
  }
  return null;
}

/** Finds both people's faces, re-analysing a photo first when the models changed since its import. */
export async function resolveSubjects(services: AppServices, models: PipelineModels, projectId: string): Promise<SubjectRef[]> {
  const refs: SubjectRef[] = [];
  for (const role of ['a', 'b'] as const) {
    let found = chosenFace(services, projectId, role);
    if (!found) fail('NO_FACE', `There is no photo of ${LABEL[role]} yet. Import a selfie of ${LABEL[role]} first.`);
    if (needsAnalysis(services, models, found.photo.id)) {
      await reanalysePhoto(services, models, found.photo);
      found = chosenFace(services, projectId, role) ?? fail('NO_FACE', `The photo of ${LABEL[role]} no longer shows a usable face. Import another selfie.`);
    }
    refs.push({ role, personId: found.personId, photoId: found.photo.id, faceId: found.face.id });
  }
  return refs;
}

export async function loadSubject(services: AppServices, ref: SubjectRef): Promise<PortraitSubject> {
  const photo = services.repos.photos.get(ref.photoId);
  const face = services.repos.faces.get(ref.faceId);
  if (!photo || !face || !face.meshRelPath || !face.matteRelPath) {
    throw new PairlightError('NOT_FOUND', `The photo of ${LABEL[ref.role]} was removed while the portraits were being made. Import it again and generate again.`);
  }
  const dir = services.folders.pathOf(photo.projectId);
  const decoded = await decodeStoredPhoto(services, photo);
  const points = JSON.parse(await readFile(join(dir, face.meshRelPath), 'utf8')) as Point3[];
  const matte = await decodeMatte(join(dir, face.matteRelPath));
  const q = face.quality as StoredQuality;
  const analysis: FaceAnalysis = {
    box: face.box,
    score: q.score,
    points,
    pose: face.pose as HeadPose,
    quality: q.advice,
    embedding: face.embedding ?? new Float32Array(0),
    models: {},
  };
  const neighbours = services.repos.faces.listByPhoto(photo.id).filter((f) => f.id !== face.id).map((f) => f.box);
  return { sha256: photo.sha256, photo: decoded.image, analysis: { width: photo.width, height: photo.height, faces: [analysis] }, faceIndex: q.index, face: analysis, matte, neighbours };
}

/** The stored identity embedding of each subject's face, in subject order (empty when missing). */
export function sourceEmbeddings(services: AppServices, refs: readonly SubjectRef[]): Float32Array[] {
  return refs.map((r) => services.repos.faces.get(r.faceId)?.embedding ?? new Float32Array(0));
}
