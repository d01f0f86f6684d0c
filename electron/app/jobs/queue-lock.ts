// Only one process may run a library's queue: the desktop app, the browser host and a CLI
// batch could otherwise all "resume" the same interrupted job. The lock is a file holding the
// owner's pid; a lock whose process is gone (crash, kill -9) is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface QueueLock {
  release(): void;
}

/** Returns the lock, or null when another live process holds it. */
export function acquireQueueLock(file: string): QueueLock | null {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return {
        release() {
          try {
            if (readFileSync(file, 'utf8') === String(process.pid)) rmSync(file, { force: true });
          } catch {
            // already gone
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isFinite(owner) && owner !== process.pid && alive(owner)) return null;
      rmSync(file, { force: true });
    }
  }
  return null;
}
