import { startInBackground } from '../models-contract';
import type { Handler } from './types';

export const modelsResumeDownload: Handler<'models.resumeDownload'> = async ({ id }, services) => {
  const manager = await services.modelManager();
  return startInBackground(services.events, id, (onProgress) => manager.resumeDownload(id, { onProgress }));
};
