import type { Handler } from './types';

export const jobsRetry: Handler<'jobs.retry'> = ({ id }, services) => services.queue.retry(id);
