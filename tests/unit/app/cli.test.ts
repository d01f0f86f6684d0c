import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliCommand } from '../../../electron/cli/command';
import { matchCommand, runCli } from '../../../electron/cli/main';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'pairlight-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const pkgVersion = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--data-dir', dataDir, ...argv], { out: (l) => out.push(l), err: (l) => err.push(l) }, {});
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('pairlight CLI', () => {
  it('prints the package version', async () => {
    expect(await run('--version')).toEqual({ code: 0, out: pkgVersion, err: '' });
    expect((await run('version')).out).toBe(pkgVersion);
  });

  it('creates and lists projects as JSON through the same validation as the app', async () => {
    expect((await run('projects', 'list', '--json')).out).toBe('[]');
    expect((await run('projects', 'create', 'Anna & Ben', '--kind', 'couple')).code).toBe(0);
    const listed = JSON.parse((await run('projects', 'list', '--json')).out) as { name: string; kind: string }[];
    expect(listed).toMatchObject([{ name: 'Anna & Ben', kind: 'couple' }]);
    const bad = await run('projects', 'create', 'X', '--kind', 'wedding');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('[VALIDATION]');
    expect(JSON.parse((await run('projects', 'list', '--json')).out)).toHaveLength(1);
  });

  it('answers unknown commands and options with exit code 2 and a hint', async () => {
    expect(await run('frobnicate')).toMatchObject({ code: 2, err: expect.stringContaining('Unknown command') });
    expect(await run('projects', 'frob')).toMatchObject({ code: 2, err: expect.stringContaining('pairlight projects list') });
    expect(await run('projects', 'list', '--yaml')).toMatchObject({ code: 2, err: expect.stringContaining('Usage') });
  });

  it('matches the longest command name', () => {
    const c = (name: string[]): CliCommand => ({ name, summary: '', usage: '', run: async () => 0 });
    const list = [c(['projects']), c(['projects', 'list'])];
    expect(matchCommand(list, ['projects', 'list', '--json'])).toMatchObject({ command: { name: ['projects', 'list'] }, rest: ['--json'] });
    expect(matchCommand(list, ['projects', 'x'])).toMatchObject({ command: { name: ['projects'] }, rest: ['x'] });
    expect(matchCommand(list, ['other'])).toBeNull();
  });

  it('runs as bin/pairlight.mjs', () => {
    const out = execFileSync(process.execPath, [join(repoRoot, 'bin/pairlight.mjs'), '--data-dir', dataDir, 'projects', 'list', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(out)).toMatchObject([{ name: 'Anna & Ben' }]);
  });
});
