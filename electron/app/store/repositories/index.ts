import type { Db } from '../database';
import { JobsRepository } from './jobs';
import { ProjectsRepository } from './projects';
import { SettingsRepository } from './settings';

export { JobsRepository, ProjectsRepository, SettingsRepository };
export type { JobRecord, NewJob } from './jobs';
export { defaultSettings } from './settings';

/** The typed repositories over one database connection. */
export interface Repositories {
  db: Db;
  projects: ProjectsRepository;
  jobs: JobsRepository;
  settings: SettingsRepository;
}

export function createRepositories(db: Db): Repositories {
  return { db, projects: new ProjectsRepository(db), jobs: new JobsRepository(db), settings: new SettingsRepository(db) };
}
