// The job types the app runs. A pipeline issue adds its type here: a factory receiving the
// services it needs (no globals), returning defineJobType({...}).
import { babyGenerateJob } from '../pipeline/jobs/baby-generate';
import { coupleGenerateJob } from '../pipeline/jobs/couple-generate';
import { imageUpscaleJob } from '../pipeline/jobs/image-upscale';
import type { AppServices } from '../services';
import type { JobType } from './types';

export function appJobTypes(services: AppServices): JobType<any>[] {
  return [coupleGenerateJob(services), babyGenerateJob(services), imageUpscaleJob(services)];
}

/** Registers every app job type on the services' queue; call before startBackground. */
export function registerAppJobs(services: AppServices): void {
  for (const type of appJobTypes(services)) services.queue.register(type);
}
