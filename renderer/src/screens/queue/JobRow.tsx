import { useJobs, useServices } from '../../app/services';
import type { Job } from '../../bridge/types';
import { Button } from '../../components/Button';
import { ProgressBar } from '../../components/ProgressBar';
import { formatDay, formatDuration, formatPercent } from '../../lib/format';
import { jobEta } from '../../stores/jobs';
import { jobTitle, stepTitle } from './labels';

export function JobRow({ job, projectName }: { job: Job; projectName: string | null }) {
  const { jobs } = useServices();
  const live = useJobs((s) => s.live[job.id]);
  const running = job.status === 'running';
  const currentStep = running && live ? live.stepIndex : job.step;
  const eta = running ? jobEta(live) : null;
  const message = (running && live?.message) || job.message;

  return (
    <li className={`job-row status-${job.status}`} data-testid="job-row" data-job-id={job.id} data-status={job.status}>
      <div className="job-head">
        <div className="job-title">
          <span className="job-name">{jobTitle(job.kind)}</span>
          {projectName && <span className="muted">{projectName}</span>}
        </div>
        <div className="job-state">
          <span className={`status-pill status-${job.status}`} data-testid="job-status">
            {STATUS_LABEL[job.status]}
          </span>
          <span className="job-eta muted" data-testid="job-eta">
            {eta !== null ? `about ${formatDuration(eta)} left` : running ? 'estimating…' : job.finishedAt ? formatDay(job.finishedAt) : ''}
          </span>
          {(job.status === 'running' || job.status === 'queued') && (
            <Button variant="ghost" icon="stop" data-testid="job-cancel" onClick={() => void jobs.getState().cancel(job.id)}>
              Cancel
            </Button>
          )}
          {(job.status === 'failed' || job.status === 'cancelled') && (
            <Button icon="retry" data-testid="job-retry" onClick={() => void jobs.getState().retry(job.id)}>
              Retry
            </Button>
          )}
        </div>
      </div>

      <ol className="job-steps" style={{ gridTemplateColumns: `repeat(${Math.max(1, job.steps.length)}, minmax(0, 1fr))` }}>
        {job.steps.map((step, index) => {
          const fraction = stepFraction(job, index, currentStep, live?.stepFraction ?? job.progress);
          const tone = step.status === 'failed' ? 'failed' : step.status === 'done' || index < currentStep ? 'done' : index === currentStep && running ? 'accent' : 'muted';
          return (
            <li key={step.name} className="job-step" data-testid="job-step" data-step-status={step.status}>
              <ProgressBar fraction={fraction} tone={tone} label={stepTitle(step.name)} />
              <span className="job-step-label">
                {stepTitle(step.name)}
                {index === currentStep && running && <span className="muted"> {formatPercent(fraction)}</span>}
              </span>
            </li>
          );
        })}
      </ol>

      {message && running && <p className="job-message muted">{message}</p>}
      {job.error && job.status === 'failed' && (
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

function stepFraction(job: Job, index: number, currentStep: number, currentFraction: number): number {
  const step = job.steps[index];
  if (step.status === 'done') return 1;
  if (job.status === 'done') return 1;
  if (index < currentStep) return 1;
  if (index === currentStep && (job.status === 'running' || step.status === 'failed')) return currentFraction;
  return 0;
}
