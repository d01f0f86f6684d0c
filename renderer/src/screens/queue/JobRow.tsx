import { useJobs, useServices } from '../../app/services';
import type { Job, JobStep } from '../../bridge/types';
import { Button } from '../../components/Button';
import { ProgressBar } from '../../components/ProgressBar';
import { formatDay, formatDuration, formatPercent } from '../../lib/format';
import { currentStepIndex, jobEta } from '../../stores/jobs';
import { jobTitle, stepTitle } from './labels';

export function JobRow({ job, projectName }: { job: Job; projectName: string | null }) {
  const { jobs } = useServices();
  const live = useJobs((s) => s.live[job.id]);
  const running = job.status === 'running';
  const current = currentStepIndex(job);
  const eta = running ? jobEta(live) : null;
  const active = job.status === 'running' || job.status === 'queued';

  return (
    <li className={`job-row status-${job.status}`} data-testid="job-row" data-job-id={job.id} data-status={job.status}>
      <div className="job-head">
        <div className="job-title">
          <span className="job-name">{jobTitle(job.type)}</span>
          {projectName && <span className="muted">{projectName}</span>}
          {job.attempts > 1 && <span className="muted small">attempt {job.attempts}</span>}
        </div>
        <div className="job-state">
          <span className="job-eta muted" data-testid="job-eta">
            {running ? (eta !== null ? `about ${formatDuration(eta)} left` : 'estimating…') : active ? '' : formatDay(job.updatedAt)}
          </span>
          <span className={`status-pill status-${job.status}`} data-testid="job-status">
            {STATUS_LABEL[job.status]}
          </span>
          {/* Same width for Cancel and Retry, so the row does not shift when a job changes state. */}
          <span className="job-action">
            {active && (
              <Button variant="ghost" icon="stop" data-testid="job-cancel" onClick={() => void jobs.getState().cancel(job.id)}>
                Cancel
              </Button>
            )}
            {(job.status === 'failed' || job.status === 'cancelled') && (
              <Button icon="retry" data-testid="job-retry" onClick={() => void jobs.getState().retry(job.id)}>
                Retry
              </Button>
            )}
          </span>
        </div>
      </div>

      <ol className="job-steps" style={{ gridTemplateColumns: `repeat(${Math.max(1, job.steps.length)}, minmax(0, 1fr))` }}>
        {job.steps.map((step, index) => (
          <li key={step.name} className="job-step" data-testid="job-step" data-step-status={step.status}>
            <ProgressBar fraction={step.status === 'done' ? 1 : step.progress} tone={TONE[step.status]} label={stepTitle(step.name)} />
            <span className="job-step-label">
              {stepTitle(step.name)}
              {index === current && step.status === 'running' && <span className="muted"> {formatPercent(step.progress)}</span>}
            </span>
          </li>
        ))}
      </ol>

      {running && job.message && <p className="job-message muted" data-testid="job-message">{job.message}</p>}
      {job.status === 'failed' && job.error && (
        <p className="job-error" data-testid="job-error">
          {job.error.message} <span className="toast-code">{job.error.code}</span>
        </p>
      )}
    </li>
  );
}

const STATUS_LABEL: Record<Job['status'], string> = {
  queued: 'Waiting',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

const TONE: Record<JobStep['status'], 'accent' | 'done' | 'failed' | 'muted'> = {
  pending: 'muted',
  running: 'accent',
  done: 'done',
  failed: 'failed',
  cancelled: 'muted',
};
