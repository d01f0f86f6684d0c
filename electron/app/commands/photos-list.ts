import { notFound } from '../errors';
import { photoView } from '../pipeline/project/photos';
import type { Handler } from './types';

export const photosList: Handler<'photos.list'> = ({ projectId }, services) => {
  if (!services.repos.projects.exists(projectId)) notFound('project', projectId);
  return services.repos.photos.listByProject(projectId).map((p) => photoView(services, p));
};
