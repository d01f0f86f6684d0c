import type { ErrorCode, Job, JobStatus, JobStepStatus } from '../../../contract';
import type { Db } from '../database';

interface JobRow {
  id: string;
  project_id: string | null;
  type: string;
  status: JobStatus;
  heavy: 0 | 1;
  input_json: string;
  progress: number;
  message: string;
  error_code: ErrorCode | null;
  error_message: string | null;
  attempts: number;
  created_at: string;
  updated_at: string;
}

interface StepRow {
  job_id: string;
  position: number;
  name: string;
  status: JobStepStatus;
  progress: number;
  output_json: string | null;
}

/** A job as the queue needs it: the contract's Job plus its input and step outputs. */
export interface JobRecord {
  job: Job;
  heavy: boolean;
  input: unknown;
  attempts: number;
  /** Output of each finished step, by position. */
  stepOutputs: (unknown | undefined)[];
}

export interface NewJob {
  id: string;
  projectId: string | null;
  type: string;
  heavy: boolean;
  input: unknown;
  steps: readonly string[];
  now: string;
}

function toJob(row: JobRow, steps: StepRow[]): Job {
  return {
    id: row.id,
    projectId: row.project_id,
    type: row.type,
    status: row.status,
    steps: steps.map((s) => ({ name: s.name, status: s.status, progress: s.progress })),
    progress: row.progress,
    message: row.message,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    attempts: row.attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class JobsRepository {
  constructor(private readonly db: Db) {}

  insert(j: NewJob): Job {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO jobs (id, project_id, type, status, heavy, input_json, progress, message, attempts, created_at, updated_at)
           VALUES (?, ?, ?, 'queued', ?, ?, 0, 'Waiting…', 0, ?, ?)`,
        )
        .run(j.id, j.projectId, j.type, j.heavy ? 1 : 0, JSON.stringify(j.input ?? null), j.now, j.now);
      const step = this.db.prepare(`INSERT INTO job_steps (job_id, position, name, status, progress) VALUES (?, ?, ?, 'pending', 0)`);
      j.steps.forEach((name, i) => step.run(j.id, i, name));
    })();
    return this.get(j.id)!;
  }

  get(id: string): Job | null {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row ? toJob(row, this.steps(id)) : null;
  }

  record(id: string): JobRecord | null {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    if (!row) return null;
    const steps = this.steps(id);
    return {
      job: toJob(row, steps),
      heavy: row.heavy === 1,
      input: JSON.parse(row.input_json),
      attempts: row.attempts,
      stepOutputs: steps.map((s) => (s.output_json === null ? undefined : JSON.parse(s.output_json))),
    };
  }

  list(filter: { projectId?: string } = {}): Job[] {
    const rows = (
      filter.projectId === undefined
        ? this.db.prepare('SELECT * FROM jobs ORDER BY created_at DESC, id').all()
        : this.db.prepare('SELECT * FROM jobs WHERE project_id = ? ORDER BY created_at DESC, id').all(filter.projectId)
    ) as JobRow[];
    return rows.map((r) => toJob(r, this.steps(r.id)));
  }

  /** Ids of jobs waiting to run, oldest first. */
  queuedIds(): { id: string; heavy: boolean }[] {
    const rows = this.db.prepare(`SELECT id, heavy FROM jobs WHERE status = 'queued' ORDER BY created_at, id`).all() as {
      id: string;
      heavy: 0 | 1;
    }[];
    return rows.map((r) => ({ id: r.id, heavy: r.heavy === 1 }));
  }

  activeIdsForProject(projectId: string): string[] {
    const rows = this.db
      .prepare(`SELECT id FROM jobs WHERE project_id = ? AND status IN ('queued', 'running')`)
      .all(projectId) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * After a crash, jobs left 'running' go back to 'queued' and their interrupted step to
   * 'pending'; finished steps stay finished, so the job resumes where it was.
   */
  recoverInterrupted(now: string): string[] {
    return this.db.transaction(() => {
      const ids = (this.db.prepare(`SELECT id FROM jobs WHERE status = 'running'`).all() as { id: string }[]).map((r) => r.id);
      for (const id of ids) {
        this.db.prepare(`UPDATE job_steps SET status = 'pending', progress = 0, started_at = NULL WHERE job_id = ? AND status <> 'done'`).run(id);
        this.db.prepare(`UPDATE jobs SET status = 'queued', message = 'Resuming after an interruption…', updated_at = ? WHERE id = ?`).run(now, id);
      }
      return ids;
    })();
  }

  start(id: string, now: string): void {
    this.db.prepare(`UPDATE jobs SET status = 'running', attempts = attempts + 1, error_code = NULL, error_message = NULL, updated_at = ? WHERE id = ?`).run(now, id);
  }

  startStep(id: string, position: number, progress: number, message: string, now: string): void {
    this.db.transaction(() => {
      this.db.prepare(`UPDATE job_steps SET status = 'running', progress = 0, started_at = ? WHERE job_id = ? AND position = ?`).run(now, id, position);
      this.db.prepare('UPDATE jobs SET progress = ?, message = ?, updated_at = ? WHERE id = ?').run(progress, message, now, id);
    })();
  }

  setProgress(id: string, position: number, stepProgress: number, jobProgress: number, message: string, now: string): void {
    this.db.transaction(() => {
      this.db.prepare('UPDATE job_steps SET progress = ? WHERE job_id = ? AND position = ?').run(stepProgress, id, position);
      this.db.prepare('UPDATE jobs SET progress = ?, message = ?, updated_at = ? WHERE id = ?').run(jobProgress, message, now, id);
    })();
  }

  /** Records a finished step and its output in one transaction: this is the resume point. */
  completeStep(id: string, position: number, output: unknown, jobProgress: number, now: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(`UPDATE job_steps SET status = 'done', progress = 1, output_json = ?, finished_at = ? WHERE job_id = ? AND position = ?`)
        .run(output === undefined ? null : JSON.stringify(output), now, id, position);
      this.db.prepare('UPDATE jobs SET progress = ?, updated_at = ? WHERE id = ?').run(jobProgress, now, id);
    })();
  }

  finish(id: string, message: string, now: string): void {
    this.db.prepare(`UPDATE jobs SET status = 'done', progress = 1, message = ?, updated_at = ? WHERE id = ?`).run(message, now, id);
  }

  fail(id: string, position: number | null, step: string | null, error: { code: ErrorCode; message: string; details?: unknown }, now: string): void {
    this.db.transaction(() => {
      if (position !== null) this.db.prepare(`UPDATE job_steps SET status = 'failed' WHERE job_id = ? AND position = ?`).run(id, position);
      this.db
        .prepare(`UPDATE jobs SET status = 'failed', message = ?, error_code = ?, error_message = ?, updated_at = ? WHERE id = ?`)
        .run(error.message, error.code, error.message, now, id);
      this.db
        .prepare(
          `INSERT INTO job_errors (job_id, attempt, step, code, message, details_json, created_at)
           VALUES (?, (SELECT attempts FROM jobs WHERE id = ?), ?, ?, ?, ?, ?)`,
        )
        .run(id, id, step, error.code, error.message, error.details === undefined ? null : JSON.stringify(error.details), now);
    })();
  }

  cancel(id: string, now: string): void {
    this.db.transaction(() => {
      this.db.prepare(`UPDATE job_steps SET status = 'cancelled' WHERE job_id = ? AND status IN ('running', 'pending')`).run(id);
      this.db.prepare(`UPDATE jobs SET status = 'cancelled', message = 'Cancelled.', updated_at = ? WHERE id = ?`).run(now, id);
    })();
  }

  /** Puts a failed or cancelled job back in the queue; finished steps are kept. */
  requeue(id: string, now: string): void {
    this.db.transaction(() => {
      this.db.prepare(`UPDATE job_steps SET status = 'pending', progress = 0, started_at = NULL WHERE job_id = ? AND status <> 'done'`).run(id);
      this.db
        .prepare(`UPDATE jobs SET status = 'queued', message = 'Waiting…', error_code = NULL, error_message = NULL, updated_at = ? WHERE id = ?`)
        .run(now, id);
    })();
  }

  errors(id: string): { attempt: number; step: string | null; code: ErrorCode; message: string }[] {
    return this.db.prepare('SELECT attempt, step, code, message FROM job_errors WHERE job_id = ? ORDER BY id').all(id) as {
      attempt: number;
      step: string | null;
      code: ErrorCode;
      message: string;
    }[];
  }

  private steps(id: string): StepRow[] {
    return this.db.prepare('SELECT * FROM job_steps WHERE job_id = ? ORDER BY position').all(id) as StepRow[];
  }
}
