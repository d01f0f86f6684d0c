import { randomInt } from 'node:crypto';
import { notFound } from '../errors';
import type { Handler } from './types';

// The base seed is fixed here so the job (and any resume of it) renders exactly what was asked.
export const generationsCreateBaby: Handler<'generations.createBaby'> = ({ projectId, age, variations, shareA, seed, scene }, services) => {
  if (!services.repos.projects.exists(projectId)) notFound('project', projectId);
  return services.queue.enqueue('baby.generate', {
    projectId,
    input: { projectId, age, variations, shareA, seed: seed ?? randomInt(0, 2 ** 32), scene },
  });
};
