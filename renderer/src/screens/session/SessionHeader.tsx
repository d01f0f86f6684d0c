import { useServices, useSession } from '../../app/services';
import { useShortcuts } from '../../app/useShortcuts';
import type { Project } from '../../bridge/types';
import { KIND_LABEL } from '../projects/kinds';

/** The project's name and kind, and the face-mesh toggle (M) every session shares. */
export function SessionHeader({ project }: { project: Project | null }) {
  const { session } = useServices();
  const showMesh = useSession((s) => s.showMesh);
  useShortcuts({ m: () => session.getState().toggleMesh() });
  return (
    <header className="screen-header">
      <div className="title-stack">
        <h1 id="session-title" data-testid="session-title">
          {project?.name ?? ' '}
        </h1>
        {project && <span className={`kind-badge inline kind-${project.kind}`}>{KIND_LABEL[project.kind]}</span>}
      </div>
      <div className="header-tools">
        <label className="check" title="Show the face mesh (M)">
          <input type="checkbox" data-testid="toggle-mesh" checked={showMesh} onChange={() => session.getState().toggleMesh()} />
          Face mesh
        </label>
      </div>
    </header>
  );
}
