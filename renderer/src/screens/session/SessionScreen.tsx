import { useProjects, useRoute, useServices } from '../../app/services';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { BabySession } from '../baby/BabySession';
import { CoupleSession } from './CoupleSession';

/** Opens the session that fits the project's kind: baby projects have parents, age and traits. */
export function SessionScreen() {
  const { route } = useServices();
  const projectId = useRoute((s) => s.route.projectId);
  const project = useProjects((s) => s.projects.find((p) => p.id === projectId) ?? null);
  const projectsReady = useProjects((s) => s.status === 'ready');
  if (!projectId || (projectsReady && !project)) {
    return (
      <section className="screen">
        <header className="screen-header">
          <h1>Session</h1>
        </header>
        <div className="screen-body">
          <EmptyState icon="session" title="Open a project to start a session" testId="session-no-project" action={<Button variant="primary" onClick={() => route.getState().go('projects')}>Choose a project</Button>}>
            A session is where you bring in a selfie of each person, pick a theme and generate drafts.
          </EmptyState>
        </div>
      </section>
    );
  }

  if (project?.kind === 'baby') return <BabySession key={projectId} projectId={projectId} project={project} />;
  return <CoupleSession key={projectId} projectId={projectId} project={project} />;
}
