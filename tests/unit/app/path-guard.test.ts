import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMediaPath, resolveMediaRequest } from '../../../electron/app/media/path-guard';

// Layout: <root>/projects/p1/outputs/a.png (served), <root>/projects/p2/secret.png (another
// project), <root>/outside.png (outside every project), and symlinks inside p1 pointing out.
// Created at collection time: the refusal table below embeds real absolute paths.
const root = mkdtempSync(join(tmpdir(), 'pairlight-guard-'));
const projects = join(root, 'projects');

beforeAll(() => {
  mkdirSync(join(projects, 'p1', 'outputs'), { recursive: true });
  mkdirSync(join(projects, 'p2'), { recursive: true });
  writeFileSync(join(projects, 'p1', 'outputs', 'a.png'), 'png-bytes');
  writeFileSync(join(projects, 'p1', 'outputs', 'my photo.jpg'), 'jpg-bytes');
  writeFileSync(join(projects, 'p1', 'notes.json'), '{}');
  writeFileSync(join(projects, 'p1', 'outputs', 'face-0.mesh.json'), '[]');
  writeFileSync(join(projects, 'p2', 'secret.png'), 'other project');
  writeFileSync(join(root, 'outside.png'), 'outside');
  symlinkSync(join(root, 'outside.png'), join(projects, 'p1', 'link.png'));
  symlinkSync(root, join(projects, 'p1', 'escape'));
  symlinkSync(join(projects, 'p1', 'outputs', 'a.png'), join(projects, 'p1', 'inside-link.png'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('media path guard', () => {
  it('serves a file inside the project, with its image type', async () => {
    const r = await resolveMediaRequest(projects, 'p1/outputs/a.png');
    expect(r).toMatchObject({ ok: true, contentType: 'image/png' });
    if (r.ok) expect(r.file.endsWith(join('p1', 'outputs', 'a.png'))).toBe(true);
  });

  it('decodes percent-encoded names', async () => {
    expect(await resolveMediaRequest(projects, 'p1/outputs/my%20photo.jpg')).toMatchObject({ ok: true, contentType: 'image/jpeg' });
    // face meshes are the one non-image the renderer fetches (the overlay's points)
    expect(await resolveMediaRequest(projects, 'p1/outputs/face-0.mesh.json')).toMatchObject({ ok: true, contentType: 'application/json' });
  });

  it('follows a symlink that stays inside the project', async () => {
    expect(await resolveMediaRequest(projects, 'p1/inside-link.png')).toMatchObject({ ok: true });
  });

  const refused: [string, string][] = [
    ['dot-dot', 'p1/../p2/secret.png'],
    ['dot-dot to the root', 'p1/../../outside.png'],
    ['dot-dot as project', '../outside.png'],
    ['encoded dot-dot', 'p1/%2e%2e/p2/secret.png'],
    ['upper-case encoded dot-dot', 'p1/%2E%2E/%2E%2E/outside.png'],
    ['mixed encoded dot-dot', 'p1/.%2e/p2/secret.png'],
    ['encoded slash', 'p1/..%2f..%2foutside.png'],
    ['encoded backslash', 'p1/..%5c..%5coutside.png'],
    ['backslash', 'p1\\..\\..\\outside.png'],
    ['absolute path', '/etc/passwd.png'],
    ['absolute path after project', `p1//${root.slice(1)}/outside.png`],
    ['encoded absolute path', `p1/${encodeURIComponent(join(root, 'outside.png'))}`],
    ['windows drive', 'p1/C:%5Cwindows%5Cx.png'],
    ['NUL byte', 'p1/outputs/a.png%00.png'],
    ['dot segment', 'p1/./outputs/a.png'],
    ['symlink to a file outside', 'p1/link.png'],
    ['symlink to a folder outside', 'p1/escape/outside.png'],
    ['bad project id', '..%2fp2/secret.png'],
    ['not an image', 'p1/notes.json'],
    ['broken percent-encoding', 'p1/outputs/%E0%A4%A.png'],
    ['project only', 'p1'],
  ];
  for (const [label, path] of refused) {
    it(`refuses ${label}`, async () => {
      const r = await resolveMediaRequest(projects, path);
      expect(r.ok, path).toBe(false);
      if (!r.ok) expect(r.status).toBe(403);
    });
  }

  it('answers 404 for a missing file inside the project', async () => {
    expect(await resolveMediaRequest(projects, 'p1/outputs/missing.png')).toMatchObject({ ok: false, status: 404 });
    expect(await resolveMediaRequest(projects, 'p3/a.png')).toMatchObject({ ok: false, status: 404 });
  });

  it('ignores a query string and never lets it change the path', () => {
    expect(parseMediaPath('p1/outputs/a.png?token=x/../../y')).toEqual({ projectId: 'p1', segments: ['outputs', 'a.png'] });
  });
});
