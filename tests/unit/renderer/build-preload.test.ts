// Both renderer builds (the browser host's renderer/dist and the desktop app's out/renderer) ask
// the browser to fetch the boot chunk alongside the small entry module, not after it. npm test
// builds renderer/dist before vitest runs and CI builds out/ before that; a plain checkout
// without a build skips the build it lacks.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

describe.each([['browser host', 'renderer/dist'], ['desktop app', 'out/renderer']])('the %s build', (_name, dir) => {
  const html = join(root, dir, 'index.html');
  it.skipIf(!existsSync(html))('preloads the boot chunk that exists beside it', () => {
    const page = readFileSync(html, 'utf8');
    const boot = /<link rel="modulepreload" crossorigin href="\.\/(assets\/boot-[\w-]+\.js)"/.exec(page);
    expect(boot, 'a modulepreload link for assets/boot-*.js').not.toBeNull();
    expect(existsSync(join(root, dir, boot![1]!))).toBe(true);
  });
});
