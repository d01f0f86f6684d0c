import { notFound } from '../errors';
import type { Handler } from './types';

// Jobs of the project are stopped first (they write into its folder). Then: folder aside, rows
// deleted in one transaction (cascade), folder removed; if the rows cannot be deleted the
// folder goes back, so the project is either fully there or fully gone.
export const projectsDelete: Handler<'projects.delete'> = async ({ id }, services) => {
  if (!services.repos.projects.exists(id)) notFound('project', id);
  await services.queue.cancelProjectJobs(id);
  const aside = await services.folders.moveAside(id);
  try {
    services.repos.projects.delete(id);
  } catch (error) {
    if (aside) await services.folders.restore(aside, id);
    throw error;
  }
  if (aside) await services.folders.removeAside(aside);
  services.events.emit('projects.changed', {});
  return { id };
};
