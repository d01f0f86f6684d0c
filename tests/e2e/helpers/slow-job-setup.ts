// Host setup for Queue tests: a three-step job that advances slowly (so the page can watch
// its progress) and stops as soon as it is cancelled. One job is enqueued at start.
import { z } from 'zod';
import { PairlightError } from '../../../electron/contract';
import { defineJobType, type JobStep } from '../../../electron/app/jobs/types';
import type { AppServices } from '../../../electron/app/services';

const Input = z.object({ ticks: z.number().int().min(1) });
type Input = z.infer<typeof Input>;

function slowStep(name: string): JobStep<Input> {
  return {
    name,
    async run(ctx) {
      for (let i = 1; i <= ctx.input.ticks; i++) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, 250);
          ctx.signal.addEventListener('abort', () => (clearTimeout(timer), reject(new PairlightError('CANCELLED', 'Cancelled.'))), { once: true });
        });
        ctx.progress(i / ctx.input.ticks, `${name}: ${i} of ${ctx.input.ticks}`);
      }
      return { ticks: ctx.input.ticks };
    },
  };
}

export const slowJob = defineJobType({ type: 'test.slow', heavy: true, input: Input, steps: [slowStep('analyze'), slowStep('draft'), slowStep('export')] });

export default function setup(services: AppServices): void {
  services.queue.register(slowJob);
  // Enough ticks that the job is still running when the test looks at it.
  if (services.repos.jobs.list().length === 0) services.queue.enqueue('test.slow', { input: { ticks: 400 } });
}
