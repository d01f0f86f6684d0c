// The queue's promise: a job killed with SIGKILL in the middle resumes at its first unfinished
// step in the next process, finishes, and leaves each output once and no temp file.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { isTempName } from '../../../electron/app/files/atomic';
import { openDatabase } from '../../../electron/app/store/database';
import { createRepositories } from '../../../electron/app/store/repositories';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const child = join(repoRoot, 'tests/integration/app/fixtures/queue-child.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'pairlight-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function start(mode: 'enqueue' | 'resume', env: Record<string, string> = {}): { proc: ChildProcess; lines: string[]; waitFor(prefix: string): Promise<string>; exit: Promise<number | NodeJS.Signals> } {
  const proc = spawn(process.execPath, ['--import', 'tsx', child, mode, dataDir], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  const waiters: [string, (line: string) => void][] = [];
  let buffer = '';
  proc.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      for (const [prefix, resolve] of waiters) if (line.startsWith(prefix)) resolve(line);
    }
  });
  proc.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | NodeJS.Signals>((resolve) =>
    proc.on('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') console.error(stderr);
      resolve(signal ?? code ?? -1);
    }),
  );
  return {
    proc,
    lines,
    exit,
    waitFor: (prefix) =>
      new Promise((resolve, reject) => {
        const found = lines.find((l) => l.startsWith(prefix));
        if (found) return resolve(found);
        waiters.push([prefix, resolve]);
        void exit.then((how) => reject(new Error(`child exited (${how}) before printing ${prefix}: ${stderr}`)));
      }),
  };
}

function allFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe('job queue across a SIGKILL', () => {
  it('resumes at step 2 after the process is killed during step 2, and finishes', async () => {
    const first = start('enqueue', { PAIRLIGHT_TEST_HANG_AT: 'step-2' });
    const [, jobId, projectId] = (await first.waitFor('JOB ')).split(' ');
    await first.waitFor('HANGING step-2');

    // At the moment of the kill: step 1 recorded as done, step 2 running, a temp file on disk.
    const projectDir = join(dataDir, 'projects', projectId!);
    expect(allFiles(projectDir).some((f) => isTempName(f.split('/').pop()!))).toBe(true);
    first.proc.kill('SIGKILL');
    expect(await first.exit).toBe('SIGKILL');

    const db = openDatabase(join(dataDir, 'pairlight.db'));
    const killed = createRepositories(db).jobs.get(jobId!)!;
    db.close();
    expect(killed.status).toBe('running');
    expect(killed.steps.map((s) => s.status)).toEqual(['done', 'running', 'pending']);

    const second = start('resume');
    await second.waitFor('IDLE');
    expect(await second.exit).toBe(0);

    const db2 = openDatabase(join(dataDir, 'pairlight.db'));
    const repos = createRepositories(db2);
    const finished = repos.jobs.get(jobId!)!;
    const record = repos.jobs.record(jobId!)!;
    db2.close();
    expect(finished).toMatchObject({ status: 'done', progress: 1, error: null, attempts: 2 });
    expect(finished.steps.map((s) => s.status)).toEqual(['done', 'done', 'done']);
    expect(record.stepOutputs).toEqual([{ file: 'outputs/step-1.txt' }, { file: 'outputs/step-2.txt' }, { file: 'outputs/step-3.txt' }]);

    // Step 1 ran once (not redone), step 2 twice (interrupted, then resumed), step 3 once.
    expect(readFileSync(join(projectDir, 'runs.log'), 'utf8').trim().split('\n')).toEqual(['step-1', 'step-2', 'step-2', 'step-3']);
    // Each output exists exactly once and whole; no temp file is left anywhere in the library.
    expect(allFiles(join(projectDir, 'outputs')).sort()).toEqual(['step-1.txt', 'step-2.txt', 'step-3.txt']);
    for (const n of [1, 2, 3]) expect(readFileSync(join(projectDir, 'outputs', `step-${n}.txt`), 'utf8')).toBe(`crash:step-${n}`);
    expect(allFiles(dataDir).filter((f) => isTempName(f.split('/').pop()!))).toEqual([]);
  });
});
