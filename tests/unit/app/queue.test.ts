import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { EventPayload, Job } from '../../../electron/contract';
import { PairlightError } from '../../../electron/app/errors';
import { defineJobType, type JobStep } from '../../../electron/app/jobs/types';
import type { AppServices } from '../../../electron/app/services';
import { tempServices } from './temp-services';

let env: ReturnType<typeof tempServices>;
let services: AppServices;
beforeEach(() => {
  env = tempServices();
  services = env.services;
});
afterEach(() => env.dispose());

/** A gate a step waits on, so a test decides when it continues. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const Input = z.object({ label: z.string() });

describe('job queue', () => {
  it('runs steps in order, hands outputs on, reports progress and finishes', async () => {
    const progress: EventPayload<'job.progress'>[] = [];
    services.events.subscribe((event, payload) => {
      if (event === 'job.progress') progress.push(payload as EventPayload<'job.progress'>);
    });
    services.queue.register(
      defineJobType({
        type: 'test.pipeline',
        heavy: true,
        input: Input,
        steps: [
          { name: 'first', run: async (ctx) => (ctx.progress(0.5, 'halfway'), { n: 1, label: ctx.input.label }) },
          {
            name: 'second',
            run: async (ctx) => {
              const previous = ctx.outputs.first as { n: number };
              const file = await ctx.writeFile('outputs/result.txt', `${previous.n + 1}`);
              return { file };
            },
          },
        ],
        doneMessage: () => 'Two steps done.',
      }),
    );
    services.queue.start();
    const job = services.queue.enqueue('test.pipeline', { input: { label: 'x' } });
    await services.queue.whenIdle();
    const done = services.repos.jobs.get(job.id)!;
    expect(done).toMatchObject({ status: 'done', progress: 1, message: 'Two steps done.', error: null, attempts: 1 });
    expect(done.steps.map((s) => s.status)).toEqual(['done', 'done']);
    expect(readFileSync(join(services.layout.jobs, job.id, 'outputs', 'result.txt'), 'utf8')).toBe('2');
    expect(progress).toContainEqual({ jobId: job.id, step: 'first', fraction: 0.5, message: 'halfway' });
  });

  it('refuses an unknown job type or bad input with VALIDATION', () => {
    services.queue.register(defineJobType({ type: 'test.one', heavy: false, input: Input, steps: [{ name: 's', run: async () => null }] }));
    expect(() => services.queue.enqueue('test.nope', { input: {} })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => services.queue.enqueue('test.one', { input: { label: 3 } })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(services.repos.jobs.list()).toEqual([]);
  });

  it('records a failure with its code, and a retry resumes at the failed step', async () => {
    const runs: string[] = [];
    let failNext = true;
    services.queue.register(
      defineJobType({
        type: 'test.flaky',
        heavy: true,
        input: Input,
        steps: [
          { name: 'analyze', run: async () => (runs.push('analyze'), 'ok') },
          {
            name: 'draft',
            run: async () => {
              runs.push('draft');
              if (failNext) {
                failNext = false;
                throw new PairlightError('NO_FACE', 'No face was found in the photo. Choose a photo where the face is clearly visible.');
              }
              return 'drafted';
            },
          },
          { name: 'export', run: async (ctx) => (runs.push('export'), ctx.outputs.draft) },
        ],
      }),
    );
    services.queue.start();
    const job = services.queue.enqueue('test.flaky', { input: { label: 'x' } });
    await services.queue.whenIdle();
    expect(services.repos.jobs.get(job.id)).toMatchObject({
      status: 'failed',
      error: { code: 'NO_FACE', message: expect.stringContaining('No face') },
      steps: [{ status: 'done' }, { status: 'failed' }, { status: 'pending' }],
    });
    expect(services.repos.jobs.errors(job.id)).toEqual([{ attempt: 1, step: 'draft', code: 'NO_FACE', message: expect.any(String) }]);

    services.queue.retry(job.id);
    await services.queue.whenIdle();
    expect(services.repos.jobs.get(job.id)).toMatchObject({ status: 'done', error: null, attempts: 2 });
    expect(runs).toEqual(['analyze', 'draft', 'draft', 'export']);
    expect(() => services.queue.retry(job.id)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
  });

  it('turns an unexpected exception into INTERNAL with a user message', async () => {
    services.queue.register(
      defineJobType({ type: 'test.bug', heavy: false, input: Input, steps: [{ name: 'oops', run: async () => { throw new TypeError('x is undefined'); } }] }),
    );
    services.queue.start();
    const job = services.queue.enqueue('test.bug', { input: { label: 'x' } });
    await services.queue.whenIdle();
    const failed = services.repos.jobs.get(job.id)!;
    expect(failed.error?.code).toBe('INTERNAL');
    expect(failed.error?.message).not.toContain('undefined');
  });

  it('cancels a running job through its signal and a queued one at once; a cancelled job can be retried', async () => {
    const started = gate();
    let sawAbort = false;
    const slow: JobStep<{ label: string }> = {
      name: 'slow',
      run: (ctx) =>
        new Promise((resolve, reject) => {
          started.open();
          ctx.signal.addEventListener('abort', () => {
            sawAbort = true;
            reject(new PairlightError('CANCELLED', 'Cancelled.'));
          });
          if (ctx.attempt > 1) resolve('finished on retry');
        }),
    };
    services.queue.register(defineJobType({ type: 'test.slow', heavy: true, input: Input, steps: [slow] }));
    services.queue.start();
    const first = services.queue.enqueue('test.slow', { input: { label: 'a' } });
    const second = services.queue.enqueue('test.slow', { input: { label: 'b' } });
    await started.opened;
    // One heavy job at a time: the second waits.
    expect(services.repos.jobs.get(second.id)!.status).toBe('queued');
    expect(services.queue.cancel(second.id).status).toBe('cancelled');
    expect(services.queue.cancel(first.id).status).toBe('cancelled');
    await services.queue.whenIdle();
    expect(sawAbort).toBe(true);
    expect(services.repos.jobs.get(first.id)).toMatchObject({ status: 'cancelled', error: null, steps: [{ status: 'cancelled' }] });
    expect(() => services.queue.cancel(first.id)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));

    services.queue.retry(first.id);
    await services.queue.whenIdle();
    expect(services.repos.jobs.get(first.id)).toMatchObject({ status: 'done' });
  });

  it('runs at most maxHeavyJobs heavy jobs at once, and light jobs beside them', async () => {
    let heavyNow = 0;
    let heavyPeak = 0;
    const lightRan = gate();
    const heavyStep: JobStep<{ label: string }> = {
      name: 'work',
      run: async () => {
        heavyPeak = Math.max(heavyPeak, ++heavyNow);
        await lightRan.opened;
        await new Promise((r) => setTimeout(r, 5));
        heavyNow--;
        return null;
      },
    };
    services.queue.register(defineJobType({ type: 'test.heavy', heavy: true, input: Input, steps: [heavyStep] }));
    services.queue.register(defineJobType({ type: 'test.light', heavy: false, input: Input, steps: [{ name: 'quick', run: async () => (lightRan.open(), null) }] }));
    services.queue.start();
    for (let i = 0; i < 3; i++) services.queue.enqueue('test.heavy', { input: { label: `${i}` } });
    services.queue.enqueue('test.light', { input: { label: 'l' } });
    await services.queue.whenIdle();
    expect(heavyPeak).toBe(1);
    expect(services.repos.jobs.list().every((j: Job) => j.status === 'done')).toBe(true);
  });

  it('does not let a step write outside its folder', async () => {
    services.queue.register(defineJobType({ type: 'test.escape', heavy: false, input: Input, steps: [{ name: 'w', run: async (ctx) => ctx.writeFile('../../evil.txt', 'x') }] }));
    services.queue.start();
    const job = services.queue.enqueue('test.escape', { input: { label: 'x' } });
    await services.queue.whenIdle();
    expect(services.repos.jobs.get(job.id)!.status).toBe('failed');
    expect(existsSync(join(services.layout.root, 'evil.txt'))).toBe(false);
  });
});
