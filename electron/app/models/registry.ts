// Where the manager remembers user-added models and paused downloads. An interface so the
// app can back it with its SQLite `models` table; JsonFileRegistry is the standalone version.
import fs from 'node:fs/promises';
import type { ModelTask } from '../../../models/catalog-types';
import { ModelError } from './errors';
import { writeFileAtomic } from '../files/atomic';

export interface InstalledModelRecord {
  id: string;
  title: string;
  task: ModelTask;
  source: 'imported' | 'downloaded';
  /** File name inside the user models folder. */
  file: string;
  sha256: string;
  bytes: number;
  licence: string;
  /** Where it came from: the URL for downloads, the original path for imports. */
  origin: string;
  installedAt: string;
}

/** A download that was started and not finished: enough to resume it and to show it. */
export interface PendingDownloadRecord {
  id: string;
  title: string;
  url: string;
  sha256: string;
  bytes: number | null;
  task: ModelTask;
  licence: string;
  startedAt: string;
}

export interface ModelRegistryStore {
  installed(): Promise<InstalledModelRecord[]>;
  putInstalled(record: InstalledModelRecord): Promise<void>;
  removeInstalled(id: string): Promise<void>;
  pending(): Promise<PendingDownloadRecord[]>;
  putPending(record: PendingDownloadRecord): Promise<void>;
  removePending(id: string): Promise<void>;
}

interface RegistryFile {
  version: 1;
  installed: InstalledModelRecord[];
  pending: PendingDownloadRecord[];
}

/** One JSON file, rewritten atomically on every change; changes are serialised in-process. */
export class JsonFileRegistry implements ModelRegistryStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly file: string) {}

  private async read(): Promise<RegistryFile> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, installed: [], pending: [] };
      throw err;
    }
    let parsed: Partial<RegistryFile>;
    try {
      parsed = JSON.parse(text) as Partial<RegistryFile>;
    } catch {
      // Writes are atomic, so this is a hand edit or disk damage: say so rather than guess.
      throw new ModelError('DISK', `The list of added models (${this.file}) is damaged and cannot be read. Fix or delete it; the model files next to it are not affected.`);
    }
    return { version: 1, installed: parsed.installed ?? [], pending: parsed.pending ?? [] };
  }

  private update(change: (data: RegistryFile) => void): Promise<void> {
    const run = this.queue.then(async () => {
      const data = await this.read();
      change(data);
      await writeFileAtomic(this.file, `${JSON.stringify(data, null, 2)}\n`);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async installed(): Promise<InstalledModelRecord[]> {
    await this.queue;
    return (await this.read()).installed;
  }

  putInstalled(record: InstalledModelRecord): Promise<void> {
    return this.update((d) => {
      d.installed = [...d.installed.filter((r) => r.id !== record.id), record];
    });
  }

  removeInstalled(id: string): Promise<void> {
    return this.update((d) => {
      d.installed = d.installed.filter((r) => r.id !== id);
    });
  }

  async pending(): Promise<PendingDownloadRecord[]> {
    await this.queue;
    return (await this.read()).pending;
  }

  putPending(record: PendingDownloadRecord): Promise<void> {
    return this.update((d) => {
      d.pending = [...d.pending.filter((r) => r.id !== record.id), record];
    });
  }

  removePending(id: string): Promise<void> {
    return this.update((d) => {
      d.pending = d.pending.filter((r) => r.id !== id);
    });
  }
}
