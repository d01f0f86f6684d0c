import { randomInt } from 'node:crypto';
import { notFound } from '../errors';
import { resolveThemeOrFail, userThemesDir } from '../pipeline/theme';
import type { Handler } from './types';

// The seed and threshold are fixed here, so the job (and any resume of it) renders exactly
// what was asked. A theme with a fixed seed policy starts at its base seed.
export const generationsCreate: Handler<'generations.create'> = ({ projectId, theme, count, seed, overrides, upscale }, services) => {
  if (!services.repos.projects.exists(projectId)) notFound('project', projectId);
  const resolved = resolveThemeOrFail(theme, overrides ?? {}, undefined, userThemesDir(services.dataDir));
  const firstSeed = seed ?? (resolved.variation.seedPolicy === 'fixed' ? resolved.variation.baseSeed : randomInt(0, 2 ** 32 - count));
  return services.queue.enqueue('couple.generate', {
    projectId,
    input: { projectId, theme, count, firstSeed, overrides: overrides ?? {}, upscale, threshold: services.repos.settings.get().identityThreshold },
  });
};
