// Contract rows → the Session screen's view models. Pure, so the mapping is unit-tested.
import type { Image, Photo, ThemeSummary } from '../../bridge/types';
import type { DraftView, FaceView, PersonSlot, SessionPhoto, ThemeView } from '../../stores/session';

export function slotOf(role: Photo['role']): PersonSlot {
  // Photos imported outside a drop zone (CLI) have no role yet; they wait under A for a face pick.
  return role === 'b' ? 'B' : 'A';
}

export function toSessionPhoto(photo: Photo, url: string, meshes: Record<string, FaceView['points']>): SessionPhoto {
  const chosen = photo.faces.findIndex((f) => f.personId !== null && f.personId === photo.personId);
  return {
    id: photo.id,
    person: slotOf(photo.role),
    url,
    width: photo.width,
    height: photo.height,
    name: photo.originalName,
    faces: photo.faces.map((face) => ({ box: face.box, points: meshes[face.id] ?? [], advice: face.advice })),
    selectedFace: chosen >= 0 ? chosen : 0,
  };
}

/** Mesh files hold the 478 points; accept a bare array or {points}. */
export function parseMesh(json: unknown): FaceView['points'] {
  const list = Array.isArray(json) ? json : json && typeof json === 'object' && Array.isArray((json as { points?: unknown }).points) ? (json as { points: unknown[] }).points : [];
  return list
    .map((p) => (Array.isArray(p) ? p : p && typeof p === 'object' ? [(p as { x?: number }).x, (p as { y?: number }).y, (p as { z?: number }).z ?? 0] : null))
    .filter((p): p is number[] => Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number')
    .map((p) => [p[0], p[1], typeof p[2] === 'number' ? p[2] : 0] as [number, number, number]);
}

export function toThemeView(theme: ThemeSummary): ThemeView {
  // thumbnailUrl is a small data: URL, so the media route never has to serve files outside projects.
  return { id: theme.id, name: theme.name, description: theme.description, aspect: theme.aspect, previewUrl: theme.thumbnailUrl, source: theme.source, refineStrength: theme.refineStrength };
}

/** Identity scores are keyed by person id; the drafts grid labels them A and B. */
export function toDraftView(image: Image, url: string, roleOfPerson: Record<string, PersonSlot>): DraftView {
  const identity: Partial<Record<PersonSlot, number>> = {};
  for (const [personId, score] of Object.entries(image.identityScores ?? {})) {
    const slot = roleOfPerson[personId];
    if (slot) identity[slot] = score;
  }
  return {
    id: image.id,
    url,
    seed: image.seed ?? 0,
    identity,
    rejected: image.rejected ? (image.rejectReason ?? 'Below the likeness threshold.') : null,
  };
}

export function roleMap(photos: Photo[]): Record<string, PersonSlot> {
  const map: Record<string, PersonSlot> = {};
  for (const photo of photos) if (photo.personId && photo.role) map[photo.personId] = slotOf(photo.role);
  return map;
}

/** The base64 body of a file, as photos.import takes it on both transports. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}
