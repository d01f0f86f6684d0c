// Where the user is, kept in the URL hash so a reload (or a crash restart) returns to the same screen.

export type Screen = 'projects' | 'session' | 'gallery' | 'queue' | 'settings';

export interface Route {
  screen: Screen;
  /** The open project for Session and Gallery; Gallery without one shows every project. */
  projectId: string | null;
}

const SCREENS: readonly Screen[] = ['projects', 'session', 'gallery', 'queue', 'settings'];

export function parseRoute(hash: string): Route {
  const [screen = '', projectId = ''] = hash.replace(/^#\/?/, '').split('/');
  const known = (SCREENS as readonly string[]).includes(screen) ? (screen as Screen) : 'projects';
  const takesProject = known === 'session' || known === 'gallery';
  return { screen: known, projectId: takesProject && projectId ? safeDecode(projectId) : null };
}

export function formatRoute(route: Route): string {
  return route.projectId ? `#/${route.screen}/${encodeURIComponent(route.projectId)}` : `#/${route.screen}`;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
