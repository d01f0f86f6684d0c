import { rm } from 'node:fs/promises';
import { newId } from '../ids';
import type { Handler } from './types';

// Folder first, row second: a crash in between leaves an empty folder nobody points to, never
// a project whose folder is missing.
export const projectsCreate: Handler<'projects.create'> = async ({ name, kind }, services) => {
  const id = newId();
  const dir = await services.folders.create(id);
  try {
    const project = services.repos.projects.insert({ id, name, kind, now: services.clock() });
    services.events.emit('projects.changed', {});
    return project;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
};
