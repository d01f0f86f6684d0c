// The job types the app runs. A pipeline issue adds its type here: a factory receiving the
// services it needs (no globals), returning defineJobType({...}).
import type { AppServices } from '../services';
import type { JobType } from './types';

export function appJobTypes(_services: AppServices): JobType<any>[] {
  return [];
}

/** Registers every app job type on the services' queue; call before startBackground. */
export function registerAppJobs(services: AppServices): void {
  for (const type of appJobTypes(services)) services.queue.register(type);
}
