import { notFound } from '../errors';
import type { Handler } from './types';

export const projectsGet: Handler<'projects.get'> = ({ id }, services) =>
  services.repos.projects.get(id) ?? notFound('project', id);
