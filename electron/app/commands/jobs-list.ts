import type { Handler } from './types';

export const jobsList: Handler<'jobs.list'> = ({ projectId }, services) =>
  services.repos.jobs.list(projectId === undefined ? {} : { projectId });
