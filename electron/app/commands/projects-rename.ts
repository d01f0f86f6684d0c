import { notFound } from '../errors';
import type { Handler } from './types';

export const projectsRename: Handler<'projects.rename'> = ({ id, name }, services) => {
  if (!services.repos.projects.rename(id, name, services.clock())) notFound('project', id);
  services.events.emit('projects.changed', {});
  return services.repos.projects.get(id)!;
};
