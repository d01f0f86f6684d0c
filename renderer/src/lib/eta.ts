// Remaining-time estimate for a job from its own progress so far.

export interface ProgressSample {
  /** Milliseconds since epoch. */
  at: number;
  /** Overall job fraction 0..1. */
  fraction: number;
}

/**
 * Seconds left, or null while there is not enough signal to say anything honest.
 * Uses the rate between the first and the latest sample; 3 s / 2 % minimums avoid
 * the wild guesses a single early tick would give.
 */
export function estimateRemainingSeconds(first: ProgressSample, latest: ProgressSample): number | null {
  const elapsed = (latest.at - first.at) / 1000;
  const done = latest.fraction - first.fraction;
  if (elapsed < 3 || done < 0.02 || latest.fraction >= 1) return null;
  const rate = done / elapsed;
  return (1 - latest.fraction) / rate;
}

/** Overall fraction of a job from its step index, step count and the fraction of the current step. */
export function overallFraction(stepIndex: number, stepCount: number, stepFraction: number): number {
  if (stepCount <= 0) return 0;
  const clamped = Math.min(1, Math.max(0, stepFraction));
  return Math.min(1, (Math.max(0, stepIndex) + clamped) / stepCount);
}
