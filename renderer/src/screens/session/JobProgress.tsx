// The progress line under a Generate panel (couple drafts, baby portraits): one bar for the job,
// then its failure message, its done text, or what it is doing now.
import type { Job } from '../../bridge/types';
import { ProgressBar } from '../../components/ProgressBar';
import { formatPercent } from '../../lib/format';

export function JobProgress({ job, label, doneText, workingText }: { job: Job; label: string; doneText: string; workingText: string }) {
  const done = job.status === 'done';
  return (
    <div className="generation-progress" data-testid="generation-progress" data-status={job.status}>
      <ProgressBar fraction={job.progress} tone={job.status === 'failed' ? 'failed' : done ? 'done' : 'accent'} label={label} />
      <span className="muted small">
        {job.status === 'failed' ? job.error?.message : done ? doneText : `${job.message || workingText} ${formatPercent(job.progress)}`}
      </span>
    </div>
  );
}
