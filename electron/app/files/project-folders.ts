// One folder per project under <data>/projects/<id>. Deleting moves the folder aside first, then
// deletes the rows, then the files: after a crash at any point the start-up check either
// restores the folder (rows still there) or finishes the delete (rows gone).
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

const DELETING_PREFIX = '.deleting-';

export class ProjectFolders {
  constructor(readonly root: string) {}

  pathOf(projectId: string): string {
    return join(this.root, projectId);
  }

  async create(projectId: string): Promise<string> {
    const dir = this.pathOf(projectId);
    await mkdir(join(dir, 'originals'), { recursive: true });
    await mkdir(join(dir, 'outputs'), { recursive: true });
    return dir;
  }

  async exists(projectId: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(projectId))).isDirectory();
    } catch {
      return false;
    }
  }

  /** Step 1 of a delete: moves the folder out of the way. Returns the place it went to. */
  async moveAside(projectId: string): Promise<string | null> {
    const aside = join(this.root, `${DELETING_PREFIX}${projectId}`);
    try {
      await rename(this.pathOf(projectId), aside);
      return aside;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async restore(aside: string, projectId: string): Promise<void> {
    await rename(aside, this.pathOf(projectId));
  }

  async removeAside(aside: string): Promise<void> {
    await rm(aside, { recursive: true, force: true });
  }

  /** Finishes or undoes deletes a crash interrupted. `rowExists` says whether the project is still in the database. */
  async recover(rowExists: (projectId: string) => boolean): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.root);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const name of names) {
      if (!name.startsWith(DELETING_PREFIX)) continue;
      const projectId = name.slice(DELETING_PREFIX.length);
      const aside = join(this.root, name);
      if (rowExists(projectId) && !(await this.exists(projectId))) await this.restore(aside, projectId);
      else await this.removeAside(aside);
    }
  }
}
