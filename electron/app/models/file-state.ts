// Whether a model file on disk is the one that was recorded: present, right size, right sha256.
import fs from 'node:fs/promises';
import { sha256File } from './files';

export interface FileState {
  status: 'installed' | 'missing' | 'corrupt';
  /** For corrupt: what did not match, in words for the user. */
  problem?: string;
}

/** Remembers hashes by path + size + mtime, so listing models re-hashes only files that changed. */
export class FileVerifier {
  private readonly hashes = new Map<string, { key: string; sha256: string }>();

  async check(file: string, sha256: string, bytes: number | null): Promise<FileState> {
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      return { status: 'missing' };
    }
    if (bytes !== null && stat.size !== bytes) {
      return { status: 'corrupt', problem: `size expected ${bytes} bytes got ${stat.size}` };
    }
    const key = `${stat.size}:${stat.mtimeMs}`;
    let cached = this.hashes.get(file);
    if (!cached || cached.key !== key) {
      cached = { key, sha256: await sha256File(file) };
      this.hashes.set(file, cached);
    }
    return cached.sha256 === sha256 ? { status: 'installed' } : { status: 'corrupt', problem: `sha256 expected ${sha256} got ${cached.sha256}` };
  }
}
