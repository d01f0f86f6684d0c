// Where Pairlight keeps its database and project folders when nobody says otherwise.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.PAIRLIGHT_DATA_DIR) return env.PAIRLIGHT_DATA_DIR;
  const home = homedir();
  // The same folders Electron's app.getPath('userData') uses, so the CLI, the host and the
  // desktop app share one library.
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Pairlight');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Pairlight');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Pairlight');
}

export interface DataLayout {
  root: string;
  database: string;
  projects: string;
  /** Working folders of jobs that belong to no project. */
  jobs: string;
}

export function dataLayout(root: string): DataLayout {
  return { root, database: join(root, 'pairlight.db'), projects: join(root, 'projects'), jobs: join(root, 'jobs') };
}
