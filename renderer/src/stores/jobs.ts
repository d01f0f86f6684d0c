// The queue: every job, live progress from events, and a remaining-time estimate per job.
import { createStore } from 'zustand/vanilla';
import { toUserError } from '../bridge/errors';
import type { EventPayload, Job, PairlightBridge } from '../bridge/types';
import { estimateRemainingSeconds, overallFraction, type ProgressSample } from '../lib/eta';
import type { ToastStore } from './toasts';

export interface LiveProgress {
  stepIndex: number;
  /** Fraction of the current step. */
  stepFraction: number;
  message: string | null;
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
        const stepIndex = resolveStepIndex(job, p.step);
        const fraction = overallFraction(stepIndex, job?.steps.length ?? 1, p.fraction);
        const sample = { at: now, fraction };
        const previous = s.live[p.jobId];
        const live: LiveProgress = {
          stepIndex,
          stepFraction: p.fraction,
          message: p.message,
          first: previous && previous.first.fraction <= fraction ? previous.first : sample,
          latest: sample,
        };
        return { live: { ...s.live, [p.jobId]: live } };
      });
    },
  }));
}

/** Events may name the step or give its index; the UI wants the index. */
export function resolveStepIndex(job: Job | undefined, step: number | string): number {
  if (typeof step === 'number') return step;
  const index = job?.steps.findIndex((s) => s.name === step) ?? -1;
  return index >= 0 ? index : (job?.step ?? 0);
}

export function jobEta(live: LiveProgress | undefined): number | null {
  return live ? estimateRemainingSeconds(live.first, live.latest) : null;
}

const STATUS_ORDER: Record<Job['status'], number> = { running: 0, queued: 1, failed: 2, cancelled: 3, done: 4 };

/** Running first, then waiting, then what needs attention, then history, newest first within each. */
export function sortJobs(jobs: Job[]): Job[] {
  return [...jobs].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || b.createdAt.localeCompare(a.createdAt));
}

export type JobsStore = ReturnType<typeof createJobsStore>;
