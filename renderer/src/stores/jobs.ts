// The queue: every job, live progress from events, and a remaining-time estimate per job.
import { createStore } from 'zustand/vanilla';
import { toUserError } from '../bridge/errors';
import type { EventPayload, Job, JobStep, PairlightBridge } from '../bridge/types';
import { estimateRemainingSeconds, overallFraction, type ProgressSample } from '../lib/eta';
import type { ToastStore } from './toasts';

/** Progress samples of a running job, for its remaining-time estimate. */
export interface LiveProgress {
  first: ProgressSample;
  latest: ProgressSample;
}

export interface JobsState {
  jobs: Job[];
  live: Record<string, LiveProgress>;
  status: 'idle' | 'loading' | 'ready' | 'error';
  load(): Promise<void>;
  cancel(id: string): Promise<void>;
  retry(id: string): Promise<void>;
  applyUpdate(job: Job): void;
  applyProgress(progress: EventPayload<'job.progress'>, now?: number): void;
}

export function createJobsStore(bridge: PairlightBridge, toasts: ToastStore) {
  const fail = (error: unknown) => {
    toasts.getState().error(toUserError(error));
  };
  return createStore<JobsState>()((set, get) => ({
    jobs: [],
    live: {},
    status: 'idle',
    async load() {
      if (get().status === 'idle') set({ status: 'loading' });
      try {
        const jobs = await bridge.invoke('jobs.list', {});
        set({ jobs: sortJobs(jobs), status: 'ready' });
      } catch (error) {
        set({ status: get().jobs.length ? 'ready' : 'error' });
        fail(error);
      }
    },
    async cancel(id) {
      try {
        get().applyUpdate(await bridge.invoke('jobs.cancel', { id }));
      } catch (error) {
        fail(error);
      }
    },
    async retry(id) {
      try {
        get().applyUpdate(await bridge.invoke('jobs.retry', { id }));
      } catch (error) {
        fail(error);
      }
    },
    applyUpdate(job) {
      set((s) => {
        const exists = s.jobs.some((j) => j.id === job.id);
        const jobs = exists ? s.jobs.map((j) => (j.id === job.id ? job : j)) : [job, ...s.jobs];
        const live = { ...s.live };
        // A finished, failed or re-queued job starts its estimate afresh next time it runs.
        if (job.status !== 'running') delete live[job.id];
        return { jobs: sortJobs(jobs), live };
      });
    },
    applyProgress(p, now = Date.now()) {
      set((s) => {
        const job = s.jobs.find((j) => j.id === p.jobId);
        if (!job) return s;
        const updated = withStepProgress(job, p.step, p.fraction, p.message);
        const sample = { at: now, fraction: updated.progress };
        const previous = s.live[p.jobId];
        // A fraction going backwards means a new run (resume, retry): the old rate no longer applies.
        const first = previous && previous.first.fraction <= sample.fraction ? previous.first : sample;
        return {
          jobs: s.jobs.map((j) => (j.id === job.id ? updated : j)),
          live: { ...s.live, [p.jobId]: { first, latest: sample } },
        };
      });
    },
  }));
}

/**
 * The job as it stands after a progress event: earlier steps done, this step at `fraction`,
 * the overall fraction recomputed. job.updated events later replace it with the stored truth.
 */
export function withStepProgress(job: Job, stepName: string, fraction: number, message: string): Job {
  const index = job.steps.findIndex((s) => s.name === stepName);
  if (index < 0) return { ...job, message };
  const steps = job.steps.map((step, i): JobStep => {
    if (i < index && step.status !== 'done') return { ...step, status: 'done', progress: 1 };
    if (i === index) return { ...step, status: 'running', progress: fraction };
    return step;
  });
  return { ...job, status: 'running', steps, message, progress: overallFraction(index, steps.length, fraction) };
}

/** The step being worked on (or that failed), else the first not yet done. */
export function currentStepIndex(job: Job): number {
  const active = job.steps.findIndex((s) => s.status === 'running' || s.status === 'failed');
  if (active >= 0) return active;
  const pending = job.steps.findIndex((s) => s.status !== 'done');
  return pending >= 0 ? pending : job.steps.length - 1;
}

export function jobEta(live: LiveProgress | undefined): number | null {
  return live ? estimateRemainingSeconds(live.first, live.latest) : null;
}

const STATUS_ORDER: Record<Job['status'], number> = { running: 0, queued: 1, failed: 2, cancelled: 3, done: 4 };

/** Running first, then waiting, then what needs attention, then history, newest first within each. */
export function sortJobs(jobs: Job[]): Job[] {
  return [...jobs].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

export type JobsStore = ReturnType<typeof createJobsStore>;
