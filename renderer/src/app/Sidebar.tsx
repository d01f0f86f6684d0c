import type { Screen } from './route';
import { modLabel } from './useShortcuts';
import { useJobs, useProjects, useRoute, useServices } from './services';
import { Icon, type IconName } from '../components/Icon';

export const NAV: { screen: Screen; label: string; icon: IconName }[] = [
  { screen: 'projects', label: 'Projects', icon: 'projects' },
  { screen: 'session', label: 'Session', icon: 'session' },
  { screen: 'gallery', label: 'Gallery', icon: 'gallery' },
  { screen: 'queue', label: 'Queue', icon: 'queue' },
  { screen: 'settings', label: 'Settings', icon: 'settings' },
];

export function Sidebar() {
  const { route } = useServices();
  const current = useRoute((s) => s.route.screen);
  const lastProjectId = useRoute((s) => s.lastProjectId);
  const project = useProjects((s) => s.projects.find((p) => p.id === lastProjectId) ?? null);
  const active = useJobs((s) => s.jobs.filter((j) => j.status === 'running' || j.status === 'queued').length);

  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Pairlight</span>
      </div>
      <ul className="nav-list">
        {NAV.map((item, index) => (
          <li key={item.screen}>
            <button
              type="button"
              className={`nav-item${current === item.screen ? ' is-active' : ''}`}
              data-testid={`nav-${item.screen}`}
              aria-current={current === item.screen ? 'page' : undefined}
              title={`${item.label} (${modLabel}+${index + 1})`}
              onClick={() => route.getState().go(item.screen)}
            >
              <Icon name={item.icon} />
              <span className="nav-label">{item.label}</span>
              {item.screen === 'queue' && active > 0 && (
                <span className="nav-badge" data-testid="queue-badge">
                  {active}
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
      <div className="sidebar-foot">
        {project ? (
          <div className="current-project" title="Open project">
            <span className="muted small">Open project</span>
            <span className="current-project-name" data-testid="current-project">
              {project.name}
            </span>
          </div>
        ) : (
          <span className="muted small">No project open</span>
        )}
      </div>
    </nav>
  );
}
