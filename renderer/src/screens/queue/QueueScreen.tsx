import { useMemo } from 'react';
import { useJobs, useProjects, useServices } from '../../app/services';
import type { Job } from '../../bridge/types';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { JobRow } from './JobRow';

const GROUPS: { title: string; statuses: Job['status'][] }[] = [
  { title: 'Working', statuses: ['running', 'queued'] },
  { title: 'Needs attention', statuses: ['failed'] },
  { title: 'Finished', statuses: ['done', 'cancelled'] },
];

export function QueueScreen() {
  const { jobs: store, route } = useServices();
  const jobs = useJobs((s) => s.jobs);
  const status = useJobs((s) => s.status);
  const projects = useProjects((s) => s.projects);
  const projectNames = useMemo(() => new Map(projects.map((p) => [p.id, p.name])), [projects]);

  return (
    <section className="screen" aria-labelledby="queue-title">
      <header className="screen-header">
        <h1 id="queue-title">Queue</h1>
        <div className="header-tools">
          <Button icon="retry" onClick={() => void store.getState().load()} title="Refresh">
            Refresh
          </Button>
        </div>
      </header>
      <div className="screen-body">
        {status === 'ready' && jobs.length === 0 && (
          <EmptyState
            icon="queue"
            title="Nothing is running"
            testId="queue-empty"
            action={
              <Button variant="primary" onClick={() => route.getState().go('projects')}>
                Go to projects
              </Button>
            }
          >
            Imports, face analysis, drafts, upscales and exports show up here with their progress. Start one from a project’s session.
          </EmptyState>
        )}
        {status === 'error' && jobs.length === 0 && (
          <EmptyState icon="queue" title="The queue could not be loaded" action={<Button onClick={() => void store.getState().load()}>Try again</Button>} />
        )}
        {GROUPS.map((group) => {
          const rows = jobs.filter((j) => group.statuses.includes(j.status));
          if (rows.length === 0) return null;
          return (
            <div key={group.title} className="job-group">
              <h2 className="group-title">
                {group.title} <span className="muted">{rows.length}</span>
              </h2>
              <ul className="job-list">
                {rows.map((job) => (
                  <JobRow key={job.id} job={job} projectName={job.projectId ? (projectNames.get(job.projectId) ?? null) : null} />
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}
