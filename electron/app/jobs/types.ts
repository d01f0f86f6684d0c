// The uniform step interface every pipeline stage implements (analyze, draft, refine, upscale,
// export…). The queue runs, records, resumes and reports any step the same way.
import type { z } from 'zod';

export interface StepContext<Input = unknown> {
  jobId: string;
  projectId: string | null;
  /** The job's input, as validated by the job type's schema when it was enqueued. */
  input: Input;
  /** The project folder, or <data>/jobs/<jobId> for jobs without a project. Write outputs here. */
  workDir: string;
  /** 1 on the first run, 2 on the first retry or resume after a crash… */
  attempt: number;
  /** What each finished step returned, by step name (restored from the database on resume). */
  outputs: Readonly<Record<string, unknown>>;
  /** Aborted when the user cancels or the app shuts down: stop soon and throw. */
  signal: AbortSignal;
  /** Reports progress within this step (0…1) with a message for the user. */
  progress(fraction: number, message?: string): void;
  /** Throws the cancellation error if the job was cancelled. Call it between units of work. */
  throwIfCancelled(): void;
  /** Writes a file under workDir atomically (temp + rename); returns its absolute path. */
  writeFile(relPath: string, data: Uint8Array | string): Promise<string>;
}

/**
 * One named step. Rules that make resume work:
 * - Idempotent: a crash after the step's own writes but before it is recorded as done reruns
 *   it, so write to deterministic names (writeFile replaces atomically) and upsert rows.
 * - Its return value must be JSON (it is stored and handed to later steps as outputs[name]).
 * - Long loops check `signal` / call `throwIfCancelled()` and report `progress`.
 * - Throw a PairlightError with a stable code for failures the user can act on; anything
 *   else is recorded as INTERNAL.
 */
export interface JobStep<Input = unknown, Output = unknown> {
  name: string;
  run(ctx: StepContext<Input>): Promise<Output>;
}

export interface JobType<Input = unknown> {
  /** Stable name stored in the database, e.g. 'couple.draft'. Never rename a released type. */
  type: string;
  /** Heavy jobs (inference) are limited by settings.maxHeavyJobs; light ones are not queued behind them. */
  heavy: boolean;
  input: z.ZodType<Input>;
  /** Step names must be unique within the type; the list is fixed when a job is enqueued. */
  steps: readonly JobStep<Input>[];
  /** The user message when the job completes. */
  doneMessage?: (outputs: Readonly<Record<string, unknown>>) => string;
}

/** Helper that keeps the Input type flowing from the schema into every step. */
export function defineJobType<Input>(definition: JobType<Input>): JobType<Input> {
  const names = new Set(definition.steps.map((s) => s.name));
  if (names.size !== definition.steps.length) throw new Error(`Job type ${definition.type} has duplicate step names.`);
  if (definition.steps.length === 0) throw new Error(`Job type ${definition.type} has no steps.`);
  return definition;
}
