// The persistent job queue. The database is the truth: every state change is written before
// it is announced, so a restarted process (after a crash or kill -9) sees exactly which steps
// finished and resumes each unfinished job at its first unfinished step.
import { mkdir } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Job } from '../../contract';
import type { Clock } from '../clock';
import { asPairlightError, fail, notFound, PairlightError } from '../errors';
import type { EventBus } from '../events';
import { writeFileAtomic } from '../files/atomic';
import { newId } from '../ids';
import type { JobsRepository } from '../store/repositories';
import type { JobType, StepContext } from './types';

export interface JobQueueOptions {
  jobs: JobsRepository;
  events: EventBus;
  clock: Clock;
  /** Where a job's files go: its project folder, or a folder of its own. */
  workDirFor(projectId: string | null, jobId: string): string;
  /** Read before each scheduling decision, so a settings change applies to the next job. */
  maxHeavyJobs(): number;
  /** Light jobs (imports, metadata) run beside heavy ones, up to this many. */
  maxLightJobs?: number;
  /** Progress is written to the database at most this often (events are not throttled). */
  progressWriteIntervalMs?: number;
}

interface RunningJob {
  controller: AbortController;
  heavy: boolean;
  /** Set when the user cancelled: the database already says so, the run must not overwrite it. */
  cancelled: boolean;
  settled: Promise<void>;
}

const CANCELLED_MESSAGE = 'The job was cancelled.';

export class JobQueue {
  private readonly types = new Map<string, JobType<any>>();
  private readonly running = new Map<string, RunningJob>();
  private readonly idleWaiters: (() => void)[] = [];
  private started = false;
  private stopping = false;

  constructor(private readonly options: JobQueueOptions) {}

  register<Input>(type: JobType<Input>): void {
    if (this.types.has(type.type)) throw new Error(`Job type ${type.type} is registered twice.`);
    this.types.set(type.type, type);
  }

  hasType(type: string): boolean {
    return this.types.has(type);
  }

  /** Resumes interrupted jobs and starts running queued ones. Call after registering types. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const id of this.options.jobs.recoverInterrupted(this.options.clock())) this.announce(id);
    this.pump();
  }

  /** Asks running steps to stop; their jobs stay 'running' in the database and resume at the next start. */
  async stop(): Promise<void> {
    this.stopping = true;
    const settling = [...this.running.values()].map((r) => {
      r.controller.abort();
      return r.settled;
    });
    await Promise.all(settling);
  }

  enqueue(type: string, request: { projectId?: string | null; input: unknown }): Job {
    const definition = this.types.get(type);
    if (!definition) fail('VALIDATION', `Pairlight does not know how to run a "${type}" job. Update Pairlight or report this.`);
    const parsed = definition.input.safeParse(request.input);
    if (!parsed.success) {
      fail('VALIDATION', `The ${type} job got settings it cannot use: ${parsed.error.issues.map((i) => i.message).join('; ')}`, parsed.error.issues);
    }
    const job = this.options.jobs.insert({
      id: newId(),
      projectId: request.projectId ?? null,
      type,
      heavy: definition.heavy,
      input: parsed.data,
      steps: definition.steps.map((s) => s.name),
      now: this.options.clock(),
    });
    this.options.events.emit('job.updated', job);
    this.pump();
    return job;
  }

  cancel(id: string): Job {
    const job = this.options.jobs.get(id) ?? notFound('job', id);
    if (job.status !== 'queued' && job.status !== 'running') {
      fail('CONFLICT', `This job is already ${job.status}; there is nothing to cancel.`);
    }
    const run = this.running.get(id);
    if (run) {
      run.cancelled = true;
      run.controller.abort();
    }
    this.options.jobs.cancel(id, this.options.clock());
    return this.announce(id);
  }

  retry(id: string): Job {
    const job = this.options.jobs.get(id) ?? notFound('job', id);
    if (job.status !== 'failed' && job.status !== 'cancelled') {
      fail('CONFLICT', `Only failed or cancelled jobs can be retried; this one is ${job.status}.`);
    }
    if (this.running.has(id)) fail('CONFLICT', 'This job is still stopping. Try again in a moment.');
    this.options.jobs.requeue(id, this.options.clock());
    const updated = this.announce(id);
    this.pump();
    return updated;
  }

  /** Cancels every queued or running job of a project and waits until their steps have stopped. */
  async cancelProjectJobs(projectId: string): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const id of this.options.jobs.activeIdsForProject(projectId)) {
      const run = this.running.get(id);
      this.cancel(id);
      if (run) waits.push(run.settled);
    }
    await Promise.all(waits);
  }

  /** Resolves when nothing is running and nothing runnable is queued. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return this.running.size === 0 && (!this.started || this.stopping || this.options.jobs.queuedIds().length === 0);
  }

  private announce(id: string): Job {
    const job = this.options.jobs.get(id) ?? notFound('job', id);
    this.options.events.emit('job.updated', job);
    return job;
  }

  private pump(): void {
    if (this.started && !this.stopping) {
      const maxHeavy = Math.max(1, this.options.maxHeavyJobs());
      const maxLight = this.options.maxLightJobs ?? 2;
      let heavy = 0;
      let light = 0;
      for (const r of this.running.values()) r.heavy ? heavy++ : light++;
      for (const q of this.options.jobs.queuedIds()) {
        if (this.running.has(q.id)) continue;
        if (q.heavy ? heavy >= maxHeavy : light >= maxLight) continue;
        q.heavy ? heavy++ : light++;
        this.launch(q.id, q.heavy);
      }
    }
    if (this.isIdle()) for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private launch(id: string, heavy: boolean): void {
    const entry: RunningJob = { controller: new AbortController(), heavy, cancelled: false, settled: Promise.resolve() };
    this.running.set(id, entry);
    entry.settled = this.run(id, entry)
      .catch((error) => console.error(`Pairlight: job ${id} crashed the queue runner:`, error))
      .finally(() => {
        this.running.delete(id);
        this.pump();
      });
  }

  private async run(id: string, entry: RunningJob): Promise<void> {
    const { jobs, clock } = this.options;
    const record = jobs.record(id);
    if (!record) return;
    const definition = this.types.get(record.job.type);
    const stepNames = record.job.steps.map((s) => s.name);
    let position: number | null = null;
    try {
      if (!definition) fail('INTERNAL', `This version of Pairlight cannot run "${record.job.type}" jobs. Update Pairlight, then retry.`);
      const input = definition.input.parse(record.input);
      const steps = stepNames.map((name) => definition.steps.find((s) => s.name === name) ?? fail('INTERNAL', `The "${name}" step no longer exists. Start the job again.`));
      const workDir = this.options.workDirFor(record.job.projectId, id);
      await mkdir(workDir, { recursive: true });

      jobs.start(id, clock());
      this.announce(id);
      const outputs: Record<string, unknown> = {};
      record.job.steps.forEach((s, i) => {
        if (s.status === 'done') outputs[s.name] = record.stepOutputs[i];
      });

      for (let i = 0; i < steps.length; i++) {
        if (record.job.steps[i]!.status === 'done') continue;
        if (entry.controller.signal.aborted) throw new PairlightError('CANCELLED', CANCELLED_MESSAGE);
        position = i;
        const step = steps[i]!;
        jobs.startStep(id, i, i / steps.length, `${step.name}…`, clock());
        this.announce(id);
        const output = await step.run(this.context(id, record.job.projectId, input, workDir, record.attempts + 1, outputs, step.name, i, steps.length, entry));
        if (entry.cancelled || this.stopping) return;
        jobs.completeStep(id, i, output, (i + 1) / steps.length, clock());
        outputs[step.name] = output;
        position = null;
        this.announce(id);
      }
      jobs.finish(id, definition.doneMessage?.(outputs) ?? 'Done.', clock());
      this.announce(id);
    } catch (error) {
      // Cancelled jobs are already recorded as such; a shutdown leaves the job to resume.
      if (entry.cancelled || this.stopping) return;
      const failure = asPairlightError(error);
      if (failure.code === 'INTERNAL') console.error(`Pairlight: job ${id} (${record.job.type}) failed:`, error);
      jobs.fail(id, position, position === null ? null : stepNames[position]!, failure.toJSON(), clock());
      this.announce(id);
    }
  }

  private context<Input>(
    jobId: string,
    projectId: string | null,
    input: Input,
    workDir: string,
    attempt: number,
    outputs: Record<string, unknown>,
    stepName: string,
    position: number,
    stepCount: number,
    entry: RunningJob,
  ): StepContext<Input> {
    const { jobs, events, clock } = this.options;
    const interval = this.options.progressWriteIntervalMs ?? 250;
    let lastWrite = 0;
    const signal = entry.controller.signal;
    const root = resolve(workDir);
    return {
      jobId,
      projectId,
      input,
      workDir,
      attempt,
      outputs,
      signal,
      progress: (fraction, message = '') => {
        if (entry.cancelled || this.stopping) return;
        const f = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
        events.emit('job.progress', { jobId, step: stepName, fraction: f, message });
        const now = Date.now();
        if (now - lastWrite >= interval) {
          lastWrite = now;
          jobs.setProgress(jobId, position, f, (position + f) / stepCount, message || `${stepName}…`, clock());
          this.announce(jobId);
        }
      },
      throwIfCancelled: () => {
        if (signal.aborted) throw new PairlightError('CANCELLED', CANCELLED_MESSAGE);
      },
      writeFile: async (relPath, data) => {
        const target = resolve(root, relPath);
        if (!target.startsWith(root + sep)) fail('INTERNAL', `A step tried to write outside its folder (${relPath}).`);
        await writeFileAtomic(target, data);
        return target;
      },
    };
  }
}

export function jobWorkDir(projectsRoot: string, jobsRoot: string): (projectId: string | null, jobId: string) => string {
  return (projectId, jobId) => (projectId ? join(projectsRoot, projectId) : join(jobsRoot, jobId));
}
