import { startInBackground, toCatalogTask } from '../models-contract';
import type { Handler } from './types';

export const modelsDownload: Handler<'models.download'> = async (input, services) => {
  const manager = await services.modelManager();
  const request = {
    url: input.url,
    sha256: input.sha256,
    id: input.id,
    task: toCatalogTask(input.task),
    licence: input.licence,
    ...(input.bytes !== undefined ? { bytes: input.bytes } : {}),
    ...(input.title !== undefined ? { title: input.title } : {}),
  };
  return startInBackground(services.events, input.id, (onProgress) => manager.download(request, { onProgress }));
};
