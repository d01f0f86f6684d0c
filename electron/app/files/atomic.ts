// Every file Pairlight writes goes to a temporary name in the same folder first and is renamed
// into place once complete and flushed: a crash leaves either the old file or the new one,
// never half of one. Temp names have one recognisable shape so a start-up sweep can remove
// the leftovers of a crash (see sweepTempFiles).
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_PATTERN = /^\..+\.[0-9a-f]{12}\.pltmp$/;

export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.pltmp`);
}

export function isTempName(name: string): boolean {
  return TEMP_PATTERN.test(name);
}

async function commit(temp: string, target: string): Promise<void> {
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await commit(temp, target);
}

/** Copies a file in atomically (used for originals: the source is never touched). */
export async function copyFileAtomic(source: string, target: string): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temp = tempPathFor(target);
  try {
    await copyFile(source, temp);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await commit(temp, target);
}

/** Removes temp files left by a crash under `root`; returns how many. Never follows symlinks. */
export async function sweepTempFiles(root: string): Promise<number> {
  let removed = 0;
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) removed += await sweepTempFiles(path);
    else if (entry.isFile() && isTempName(entry.name)) {
      await rm(path, { force: true });
      removed++;
    }
  }
  return removed;
}
