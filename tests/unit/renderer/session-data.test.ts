import { describe, expect, it } from 'vitest';
import type { Image, Photo } from '../../../renderer/src/bridge/types';
import { fileToBase64, parseMesh, roleMap, toDraftView, toSessionPhoto } from '../../../renderer/src/screens/session/session-data';

const face = (id: string, personId: string | null, index: number) => ({
  id, index, box: { x: 10 * index, y: 0, width: 50, height: 60 }, pose: null, advice: [], personId, meshPath: `faces/${id}.json`,
});

const photo = (over: Partial<Photo>): Photo => ({
  id: 'ph', projectId: 'p', personId: 'anna', role: 'a', sha256: 'x', relPath: 'photos/a.jpg', originalName: 'a.jpg',
  width: 800, height: 1000, mattePath: null, faces: [face('f0', null, 0), face('f1', 'anna', 1)], createdAt: '2026-11-24T00:00:00.000Z', ...over,
});

describe('session data mapping', () => {
  it('a photo shows in its person column with the chosen face selected and its mesh', () => {
    const view = toSessionPhoto(photo({}), 'url', { f1: [[1, 2, 3]] });
    expect(view).toMatchObject({ person: 'A', selectedFace: 1, name: 'a.jpg', width: 800 });
    expect(view.faces?.[1].points).toEqual([[1, 2, 3]]);
    expect(view.faces?.[0].points).toEqual([]);
    expect(toSessionPhoto(photo({ role: 'b', personId: null }), 'u', {}).person).toBe('B');
  });

  it('mesh files may be a bare array or {points}, of arrays or {x,y,z}', () => {
    expect(parseMesh([[1, 2, 3], [4, 5]])).toEqual([[1, 2, 3], [4, 5, 0]]);
    expect(parseMesh({ points: [{ x: 1, y: 2 }] })).toEqual([[1, 2, 0]]);
    expect(parseMesh({ nope: true })).toEqual([]);
    expect(parseMesh([['a', 1]])).toEqual([]);
  });

  it('draft scores are labelled by the person each id belongs to; rejected drafts carry their reason', () => {
    const roles = roleMap([photo({}), photo({ id: 'pb', personId: 'marc', role: 'b' })]);
    expect(roles).toEqual({ anna: 'A', marc: 'B' });
    const image: Image = {
      id: 'd', projectId: 'p', generationId: 'g', parentId: null, stage: 'draft', relPath: 'out/d.png', width: 1024, height: 1280,
      seed: 5, theme: 'golden-hour', identityScores: { anna: 0.71, marc: 0.42 }, rejected: true, rejectReason: 'Marc: likeness 0.42 < 0.60',
      rating: null, favourite: false, createdAt: '2026-11-24T00:00:00.000Z',
    };
    expect(toDraftView(image, 'u', roles)).toEqual({ id: 'd', url: 'u', seed: 5, identity: { A: 0.71, B: 0.42 }, rejected: 'Marc: likeness 0.42 < 0.60' });
  });

  it('files become base64 exactly', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => i % 251);
    expect(await fileToBase64(new Blob([bytes]))).toBe(Buffer.from(bytes).toString('base64'));
  });
});
