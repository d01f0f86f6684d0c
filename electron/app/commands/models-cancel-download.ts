import type { Handler } from './types';

export const modelsCancelDownload: Handler<'models.cancelDownload'> = async ({ id, discard }, services) => {
  const manager = await services.modelManager();
  await manager.cancelDownload(id, { discard: discard === true });
  return { id };
};
