import { notFound } from '../errors';
import type { Handler } from './types';

export const jobsGet: Handler<'jobs.get'> = ({ id }, services) => services.repos.jobs.get(id) ?? notFound('job', id);
