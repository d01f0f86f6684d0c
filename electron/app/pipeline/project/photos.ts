// A photo in a project: import (validate, copy the original in, analyse, persist), re-analysis
// when the models changed, and the contract view. Files are written before rows and removed
// again if the rows cannot be written, so a failed import leaves nothing behind.
import { readFile, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Photo as PhotoView, PersonRole } from '../../../contract';
import { analyzePhoto, decodeImage, personMatte, type DecodedPhoto, type FaceAnalysis, type HeadPose, type QualityAdvice } from '../../../../native/face';
import { buildPyramid } from '../../../../native/image/pyramid';
import { fail, notFound, PairlightError } from '../../errors';
import { copyFileAtomic, writeFileAtomic } from '../../files/atomic';
import { newId } from '../../ids';
import type { AppServices } from '../../services';
import type { FaceRecord, Photo } from '../../store/repositories';
import { asContractError, pickFace } from '../analyze';
import type { PipelineModels } from '../models';
import { ensurePerson, roleOf } from './people';
import { encodeMatte, encodeMesh, encodeUpright, photoPaths } from './photo-files';

/** What faces.quality_json holds: the advice plus what is needed to know when to re-analyse. */
export interface StoredQuality {
  index: number;
  score: number;
  advice: QualityAdvice[];
  /** "id:sha256" of every model the analysis ran, sorted: re-analyse when it changes. */
  models: string;
}

export function analysisStamp(models: PipelineModels): string {
  return Object.values(models.face.models)
    .map((m) => `${m.id}:${m.sha256}`)
    .sort()
    .join(',');
}

export type PhotoSource = { path: string } | { bytes: Uint8Array; name: string };

function sourceName(source: PhotoSource): string {
  return 'path' in source ? source.path.split(/[/\\]/).pop()! : source.name;
}

async function decodeSource(source: PhotoSource): Promise<DecodedPhoto> {
  try {
    return await decodeImage('path' in source ? source.path : source.bytes);
  } catch (error) {
    throw asContractError(error);
  }
}

/** Runs analysis and matte; a photo without any face is refused (NO_FACE) before anything is written. */
async function analyse(decoded: DecodedPhoto, models: PipelineModels): Promise<{ faces: FaceAnalysis[]; matte: Awaited<ReturnType<typeof personMatte>> }> {
  try {
    const pyramid = buildPyramid(decoded.image);
    const analysis = await analyzePhoto(decoded.image, { models: models.face, pyramid });
    if (analysis.faces.length === 0) pickFace(analysis, 'this photo');
    const matte = await personMatte(decoded.image, { models: models.face, pyramid });
    return { faces: analysis.faces, matte };
  } catch (error) {
    throw asContractError(error);
  }
}

type Analysed = Awaited<ReturnType<typeof analyse>>;
/** A file to put in the project folder before the rows: bytes, or a copy of a file elsewhere. */
type ProjectFile = { rel: string; data: Uint8Array | string } | { rel: string; copyFrom: string };

/**
 * Writes the files (photo copies when new, analysis), then in one transaction the photo row
 * (when new), its faces and the role's face choice. If anything fails the files go again.
 */
async function persist(
  services: AppServices,
  models: PipelineModels,
  photo: Photo,
  analysed: Analysed,
  role: PersonRole | undefined,
  newPhotoFiles: ProjectFile[] | null,
): Promise<void> {
  const dir = services.folders.pathOf(photo.projectId);
  const sha = photo.sha256;
  const files: ProjectFile[] = [
    ...(newPhotoFiles ?? []),
    { rel: photoPaths.matte(sha), data: await encodeMatte(analysed.matte) },
    ...analysed.faces.map((f, i) => ({ rel: photoPaths.mesh(sha, i), data: encodeMesh(f.points) })),
  ];
  const written: string[] = [];
  try {
    for (const f of files) {
      const target = join(dir, f.rel);
      written.push(target);
      if ('copyFrom' in f) await copyFileAtomic(f.copyFrom, target);
      else await writeFileAtomic(target, f.data);
    }
    const stamp = analysisStamp(models);
    const now = services.clock();
    const chosen = Math.max(0, analysed.faces.findIndex((f) => !f.quality.some((q) => q.severity === 'blocker')));
    services.repos.db.transaction(() => {
      if (newPhotoFiles) services.repos.photos.insertOrGet(photo);
      const person = role ? ensurePerson(services, photo.projectId, role) : null;
      const records: FaceRecord[] = analysed.faces.map((f, i) => ({
        id: newId(),
        photoId: photo.id,
        personId: person && i === chosen ? person.id : null,
        box: f.box,
        pose: f.pose,
        quality: { index: i, score: f.score, advice: f.quality, models: stamp } satisfies StoredQuality,
        meshRelPath: photoPaths.mesh(sha, i),
        matteRelPath: photoPaths.matte(sha),
        embedding: f.embedding.length ? f.embedding : null,
        createdAt: now,
      }));
      services.repos.faces.replaceForPhoto(photo.id, records);
      if (person) services.repos.photos.assignPerson(photo.id, person.id);
    })();
  } catch (error) {
    // Only a new photo's files are ours to remove; a re-analysis leaves the old files in place.
    if (newPhotoFiles) await Promise.all(written.map((f) => rm(f, { force: true })));
    throw error;
  }
}

/** Re-analyses a stored photo (models changed) and keeps its person's face choice by role. */
export async function reanalysePhoto(services: AppServices, models: PipelineModels, photo: Photo): Promise<void> {
  const role = roleOf(photo.personId ? services.repos.people.get(photo.personId) : null) ?? undefined;
  const decoded = await decodeStoredPhoto(services, photo);
  await persist(services, models, photo, await analyse(decoded, models), role, null);
}

export function needsAnalysis(services: AppServices, models: PipelineModels, photoId: string): boolean {
  const faces = services.repos.faces.listByPhoto(photoId);
  const stamp = analysisStamp(models);
  return faces.length === 0 || faces.some((f) => (f.quality as StoredQuality | null)?.models !== stamp);
}

export async function importPhoto(services: AppServices, projectId: string, source: PhotoSource, role?: PersonRole): Promise<PhotoView> {
  if (!services.repos.projects.exists(projectId)) notFound('project', projectId);
  const decoded = await decodeSource(source);
  const models = await services.pipelineModels();
  const existing = services.repos.photos.findBySha(projectId, decoded.sha256);
  if (existing) {
    // Same bytes: the same photo. Re-analyse only if the models changed since.
    if (needsAnalysis(services, models, existing.id)) await persist(services, models, existing, await analyse(decoded, models), role, null);
    else if (role) chooseFaceForRole(services, existing.id, null, role);
    return photoView(services, services.repos.photos.get(existing.id)!);
  }
  // Analysis first: a photo with no face is refused before any file exists.
  const analysed = await analyse(decoded, models);
  const sha = decoded.sha256;
  const ext = (extname(sourceName(source)).toLowerCase() || `.${decoded.format}`).slice(0, 8);
  const photo: Photo = {
    id: newId(),
    projectId,
    personId: null,
    sha256: sha,
    relPath: photoPaths.upright(sha),
    originalName: sourceName(source).slice(0, 255),
    width: decoded.image.width,
    height: decoded.image.height,
    createdAt: services.clock(),
  };
  const original: ProjectFile = 'path' in source ? { rel: photoPaths.original(sha, ext), copyFrom: source.path } : { rel: photoPaths.original(sha, ext), data: source.bytes };
  await persist(services, models, photo, analysed, role, [original, { rel: photo.relPath, data: await encodeUpright(decoded.image) }]);
  return photoView(services, services.repos.photos.get(photo.id)!);
}

/**
 * Gives `role` to a face of a photo (null: the largest usable one). The person's previous face
 * choice in that photo is cleared, so each person has one face per photo.
 */
export function chooseFaceForRole(services: AppServices, photoId: string, faceId: string | null, role: PersonRole): void {
  const photo = services.repos.photos.get(photoId) ?? notFound('photo', photoId);
  const faces = services.repos.faces.listByPhoto(photoId);
  const index = (f: FaceRecord) => (f.quality as StoredQuality | null)?.index ?? 0;
  faces.sort((x, y) => index(x) - index(y));
  const target = faceId ? faces.find((f) => f.id === faceId) : faces.find((f) => !(f.quality as StoredQuality | null)?.advice.some((q) => q.severity === 'blocker')) ?? faces[0];
  if (!target) fail('NO_FACE', 'This photo has no face to choose. Import a photo where the face is clearly visible.');
  services.repos.db.transaction(() => {
    const person = ensurePerson(services, photo.projectId, role);
    for (const f of faces) if (f.personId === person.id && f.id !== target.id) services.repos.faces.assignPerson(f.id, null);
    services.repos.faces.assignPerson(target.id, person.id);
    services.repos.photos.assignPerson(photo.id, person.id);
  })();
}

export function photoView(services: AppServices, photo: Photo): PhotoView {
  const person = photo.personId ? services.repos.people.get(photo.personId) : null;
  const faces = services.repos.faces.listByPhoto(photo.id).map((f) => {
    const q = f.quality as StoredQuality | null;
    return {
      id: f.id,
      index: q?.index ?? 0,
      box: f.box,
      pose: (f.pose as HeadPose | null) ?? null,
      advice: (q?.advice ?? []).map((a) => ({ code: a.code, message: a.message, severity: a.severity })),
      personId: f.personId,
      meshPath: f.meshRelPath,
    };
  });
  faces.sort((x, y) => x.index - y.index);
  return {
    id: photo.id,
    projectId: photo.projectId,
    personId: photo.personId,
    role: roleOf(person),
    sha256: photo.sha256,
    relPath: photo.relPath,
    originalName: photo.originalName,
    width: photo.width,
    height: photo.height,
    mattePath: faces.length ? photoPaths.matte(photo.sha256) : null,
    faces,
    createdAt: photo.createdAt,
  };
}

/** Re-reads the original bytes of a stored photo (for re-analysis by a job). */
export async function decodeStoredPhoto(services: AppServices, photo: Photo): Promise<DecodedPhoto> {
  const bytes = await readFile(join(services.folders.pathOf(photo.projectId), photo.relPath)).catch(() => {
    throw new PairlightError('DISK', `The photo "${photo.originalName}" is missing from the project folder. Import it again.`);
  });
  const decoded = await decodeImage(bytes);
  // The upright copy has its own bytes; the photo's identity stays the original's hash.
  return { ...decoded, sha256: photo.sha256 };
}
