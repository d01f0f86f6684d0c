import { useMemo, useRef, useState } from 'react';
import { useProjects, useServices } from '../../app/services';
import { useShortcuts } from '../../app/useShortcuts';
import type { Project } from '../../bridge/types';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { Icon } from '../../components/Icon';
import { Kbd } from '../../components/Kbd';
import { filterProjects } from '../../stores/projects';
import { DeleteProjectDialog } from './DeleteProjectDialog';
import { ProjectCard } from './ProjectCard';
import { ProjectNameDialog } from './ProjectNameDialog';

type Editing = { mode: 'create' } | { mode: 'rename'; project: Project } | { mode: 'delete'; project: Project } | null;

export function ProjectsScreen() {
  const { projects: store, route } = useServices();
  const projects = useProjects((s) => s.projects);
  const status = useProjects((s) => s.status);
  const query = useProjects((s) => s.query);
  const [editing, setEditing] = useState<Editing>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const shown = useMemo(() => filterProjects(projects, query), [projects, query]);

  useShortcuts({
    n: () => setEditing({ mode: 'create' }),
    '/': () => searchRef.current?.focus(),
    'Mod+f': () => searchRef.current?.focus(),
  });

  const open = (project: Project) => route.getState().go('session', project.id);

  return (
    <section className="screen" aria-labelledby="projects-title">
      <header className="screen-header">
        <h1 id="projects-title">Projects</h1>
        <div className="header-tools">
          <label className="search">
            <Icon name="search" size={16} />
            <input
              ref={searchRef}
              type="search"
              placeholder="Search projects"
              aria-label="Search projects"
              data-testid="project-search"
              value={query}
              onChange={(e) => store.getState().setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  store.getState().setQuery('');
                  e.currentTarget.blur();
                }
              }}
            />
            <Kbd>/</Kbd>
          </label>
          <Button variant="primary" icon="plus" data-testid="new-project" title="New project (N)" onClick={() => setEditing({ mode: 'create' })}>
            New project
          </Button>
        </div>
      </header>

      <div className="screen-body">
        {status === 'loading' && <ProjectGridSkeleton />}
        {status === 'error' && projects.length === 0 && (
          <EmptyState icon="projects" title="Projects could not be loaded" action={<Button onClick={() => void store.getState().load()}>Try again</Button>}>
            The message in the corner says why.
          </EmptyState>
        )}
        {status === 'ready' && projects.length === 0 && (
          <EmptyState
            icon="session"
            title="Start your first portrait"
            testId="projects-empty"
            action={
              <Button variant="primary" icon="plus" onClick={() => setEditing({ mode: 'create' })}>
                New project
              </Button>
            }
          >
            A project holds the selfies of two people and every portrait made from them. Create one, then drop a photo of each person into the session.
          </EmptyState>
        )}
        {status === 'ready' && projects.length > 0 && shown.length === 0 && (
          <EmptyState icon="search" title={`No project matches “${query}”`} action={<Button onClick={() => store.getState().setQuery('')}>Clear search</Button>} />
        )}
        {shown.length > 0 && (
          <div className="project-grid" data-testid="project-grid">
            {shown.map((project) => (
              <ProjectCard
                key={project.id}
                project={project}
                onOpen={() => open(project)}
                onRename={() => setEditing({ mode: 'rename', project })}
                onDelete={() => setEditing({ mode: 'delete', project })}
              />
            ))}
          </div>
        )}
      </div>

      <ProjectNameDialog
        open={editing?.mode === 'create' || editing?.mode === 'rename'}
        project={editing?.mode === 'rename' ? editing.project : null}
        onClose={() => setEditing(null)}
        onSubmit={async (name, kind) => {
          if (editing?.mode === 'rename') {
            if (await store.getState().rename(editing.project.id, name)) setEditing(null);
            return;
          }
          const created = await store.getState().create(name, kind);
          if (created) {
            setEditing(null);
            open(created);
          }
        }}
      />
      <DeleteProjectDialog
        project={editing?.mode === 'delete' ? editing.project : null}
        onClose={() => setEditing(null)}
        onConfirm={async (project) => {
          if (await store.getState().remove(project.id)) {
            if (route.getState().lastProjectId === project.id) route.getState().go('projects', null);
            setEditing(null);
          }
        }}
      />
    </section>
  );
}

function ProjectGridSkeleton() {
  return (
    <div className="project-grid" aria-busy="true">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className="project-card is-skeleton">
          <div className="project-cover" />
          <div className="project-meta">
            <div className="skeleton-line" />
            <div className="skeleton-line short" />
          </div>
        </div>
      ))}
    </div>
  );
}
