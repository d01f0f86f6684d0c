// photos.import guard rails through the contract: each bad file gets its own specific error and
// leaves no row and no file; a good selfie is analysed once and de-duplicated by content.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeCommand } from '../../../electron/app/dispatch';
import { call, sampleA, tempLibrary } from './helpers';

let lib: ReturnType<typeof tempLibrary>;
let projectId: string;
beforeAll(async () => {
  lib = tempLibrary();
  projectId = (await call(lib.services, 'projects.create', { name: 'Imports', kind: 'couple' })).id;
});
afterAll(() => lib.dispose());

function filesIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

async function expectRefused(input: { path?: string; bytesBase64?: string; name?: string }, code: string, reason: string | null, message: RegExp) {
  const before = filesIn(lib.services.folders.pathOf(projectId));
  const reply = await invokeCommand(lib.services, 'photos.import', { projectId, role: 'a', ...input });
  expect(reply.ok).toBe(false);
  if (reply.ok) return;
  expect(reply.error.code).toBe(code);
  if (reason) expect((reply.error.details as { reason?: string }).reason).toBe(reason);
  expect(reply.error.message).toMatch(message);
  expect(await call(lib.services, 'photos.list', { projectId })).toEqual([]);
  expect(lib.services.repos.people.listByProject(projectId)).toEqual([]);
  expect(filesIn(lib.services.folders.pathOf(projectId))).toEqual(before);
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('photos.import', () => {
  it('refuses an empty file', async () => {
    const file = join(lib.dataDir, 'empty.jpg');
    writeFileSync(file, '');
    await expectRefused({ path: file }, 'IMPORT_NOT_IMAGE', 'empty_file', /empty \(0 bytes\)/);
  });

  it('refuses a file that is not an image (dropped as bytes)', async () => {
    await expectRefused({ bytesBase64: b64(new TextEncoder().encode('name,score\nA,1\n'.repeat(50))), name: 'scores.csv' }, 'IMPORT_NOT_IMAGE', 'not_an_image', /not a photo Pairlight can read/);
  });

  it('refuses a truncated JPEG', async () => {
    const bytes = readFileSync(sampleA);
    await expectRefused({ bytesBase64: b64(bytes.subarray(0, Math.floor(bytes.length / 3))), name: 'cut.jpg' }, 'IMPORT_NOT_IMAGE', 'truncated', /damaged or incomplete/);
  });

  it('refuses a photo too small for a face', async () => {
    const tiny = await sharp(sampleA).resize(64, 80).png().toBuffer();
    await expectRefused({ bytesBase64: b64(tiny), name: 'tiny.png' }, 'IMPORT_NOT_IMAGE', 'too_small', /too small/);
  });

  it('refuses a missing file with its own message', async () => {
    await expectRefused({ path: join(lib.dataDir, 'nope.jpg') }, 'IMPORT_NOT_IMAGE', 'unreadable', /could not open/);
  });

  it('refuses a photo with no face (NO_FACE), leaving nothing behind', async () => {
    // A smooth colour field: a valid image, nothing face-like in it.
    const w = 400, h = 500;
    const raw = Buffer.alloc(w * h * 3);
    for (let i = 0; i < w * h; i++) raw.set([(i % w) / 2, 120, (i / w / 3) | 0], i * 3);
    const png = await sharp(raw, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer();
    await expectRefused({ bytesBase64: b64(png), name: 'wall.png' }, 'NO_FACE', null, /No face was found/);
  });

  it('imports a selfie with its analysis, and the same bytes again give the same photo without re-analysis', async () => {
    const photo = await call(lib.services, 'photos.import', { projectId, role: 'a', path: sampleA });
    expect(photo).toMatchObject({ role: 'a', originalName: 'person-a.jpg' });
    expect(photo.faces.length).toBeGreaterThanOrEqual(1);
    expect(photo.faces[0].personId).toBe(photo.personId);
    const dir = lib.services.folders.pathOf(projectId);
    expect(readFileSync(join(dir, `originals/${photo.sha256}.jpg`)).equals(readFileSync(sampleA))).toBe(true);
    const mesh = JSON.parse(readFileSync(join(dir, photo.faces[0].meshPath!), 'utf8')) as number[][];
    expect(mesh.length).toBe(478);
    expect(lib.services.repos.faces.get(photo.faces[0].id)!.embedding!.length).toBeGreaterThan(0);
    const matteTime = statSync(join(dir, photo.mattePath!)).mtimeMs;

    const again = await call(lib.services, 'photos.import', { projectId, role: 'a', bytesBase64: b64(readFileSync(sampleA)), name: 'copy.jpg' });
    expect(again.id).toBe(photo.id);
    expect(again.faces.map((f) => f.id)).toEqual(photo.faces.map((f) => f.id));
    expect(statSync(join(dir, photo.mattePath!)).mtimeMs).toBe(matteTime);
    expect(await call(lib.services, 'photos.list', { projectId })).toHaveLength(1);
  });
});
