// How worker threads are started: which flags of the parent carry over, and when the project's
// TypeScript loader has to be added.
import { describe, expect, it } from 'vitest';
import { projectWorkerExecArgv, workerExecArgv } from '../../../native/runtime/worker-script';

describe('worker flags', () => {
  it('keeps loaders and drops the flags a worker refuses (eval, print, input type)', () => {
    expect(workerExecArgv(['--import', 'tsx', '--max-old-space-size=4096'])).toEqual(['--import', 'tsx', '--max-old-space-size=4096']);
    expect(workerExecArgv(['-e', 'code()', '--import', 'tsx'])).toEqual(['--import', 'tsx']);
    expect(workerExecArgv(['--eval', 'x', '-p', 'y', '--print', 'z'])).toEqual([]);
    expect(workerExecArgv(['--input-type', 'module', '--input-type=commonjs', '--trace-warnings'])).toEqual(['--trace-warnings']);
  });

  it('adds tsx for a .ts worker only when the parent has no TypeScript loader, never for a bundled .js', () => {
    const ts = new URL('file:///app/native/offload/pixel-worker.ts');
    const js = new URL('file:///app/out/main/pixel-worker.js');
    expect(projectWorkerExecArgv(ts, [])).toEqual(['--import', 'tsx']);
    expect(projectWorkerExecArgv(ts, ['--import', 'tsx'])).toEqual(['--import', 'tsx']);
    expect(projectWorkerExecArgv(ts, ['-e', 'x'])).toEqual(['--import', 'tsx']);
    expect(projectWorkerExecArgv(js, [])).toEqual([]);
    expect(projectWorkerExecArgv(js, ['--eval', 'x', '--trace-warnings'])).toEqual(['--trace-warnings']);
  });
});
