import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mediaScheme } from '../../../electron/contract';
import { mediaResponse } from '../../../electron/app/media/media-response';

const root = mkdtempSync(join(tmpdir(), 'pairlight-media-'));
mkdirSync(join(root, 'p1', 'outputs'), { recursive: true });
writeFileSync(join(root, 'p1', 'outputs', 'a.webp'), 'webp-bytes');
writeFileSync(join(root, 'secret.png'), 'outside');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('Electron media protocol response', () => {
  it('streams a project file with its type', async () => {
    const res = await mediaResponse(root, mediaScheme, `${mediaScheme}://p1/outputs/a.webp`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(await res.text()).toBe('webp-bytes');
  });

  it('refuses traversal and other schemes with an empty body', async () => {
    for (const url of [`${mediaScheme}://p1/%2e%2e/secret.png`, `${mediaScheme}://p1/../secret.png`, `file://${root}/secret.png`, `${mediaScheme}:///secret.png`]) {
      const res = await mediaResponse(root, mediaScheme, url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(await res.text()).toBe('');
    }
  });
});
