import type { Handler } from './types';

export const jobsCancel: Handler<'jobs.cancel'> = ({ id }, services) => services.queue.cancel(id);
