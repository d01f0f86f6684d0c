import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyFileAtomic, isTempName, sweepTempFiles, tempPathFor, writeFileAtomic } from '../../../electron/app/files/atomic';
import { ProjectFolders } from '../../../electron/app/files/project-folders';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pairlight-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('atomic writes', () => {
  it('writes, replaces and leaves no temp file', async () => {
    const target = join(dir, 'sub', 'out.txt');
    await writeFileAtomic(target, 'first');
    await writeFileAtomic(target, 'second');
    expect(readFileSync(target, 'utf8')).toBe('second');
    expect(readdirSync(join(dir, 'sub'))).toEqual(['out.txt']);
  });

  it('copies a file in without touching the source', async () => {
    const source = join(dir, 'selfie.jpg');
    writeFileSync(source, 'jpeg');
    await copyFileAtomic(source, join(dir, 'p', 'originals', 'selfie.jpg'));
    expect(readFileSync(join(dir, 'p', 'originals', 'selfie.jpg'), 'utf8')).toBe('jpeg');
    expect(readFileSync(source, 'utf8')).toBe('jpeg');
  });

  it('removes a failed write\'s temp file', async () => {
    mkdirSync(join(dir, 'taken'));
    // Renaming a file over a non-empty directory fails: the temp file must not stay behind.
    writeFileSync(join(dir, 'taken', 'x'), '');
    await expect(writeFileAtomic(join(dir, 'taken'), 'data')).rejects.toThrow();
    expect(readdirSync(dir).filter(isTempName)).toEqual([]);
  });

  it('sweeps only temp files a crash left, in every folder', async () => {
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    const stale = [tempPathFor(join(dir, 'x.png')), tempPathFor(join(dir, 'a', 'b', 'y.png'))];
    for (const s of stale) writeFileSync(s, 'half');
    writeFileSync(join(dir, 'a', 'keep.tmp'), 'user file');
    writeFileSync(join(dir, 'a', 'b', 'y.png'), 'whole');
    expect(await sweepTempFiles(dir)).toBe(2);
    for (const s of stale) expect(existsSync(s)).toBe(false);
    expect(existsSync(join(dir, 'a', 'keep.tmp'))).toBe(true);
    expect(existsSync(join(dir, 'a', 'b', 'y.png'))).toBe(true);
  });
});

describe('project folders', () => {
  it('restores a folder whose delete was interrupted before the rows went, and finishes one after', async () => {
    const folders = new ProjectFolders(dir);
    await folders.create('kept');
    await folders.create('gone');
    await folders.moveAside('kept');
    await folders.moveAside('gone');
    await folders.recover((id) => id === 'kept');
    expect(readdirSync(dir).sort()).toEqual(['kept']);
    expect(readdirSync(join(dir, 'kept')).sort()).toEqual(['originals', 'outputs']);
  });
});
