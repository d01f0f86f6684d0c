import type { Handler } from './types';

export const modelsRemove: Handler<'models.remove'> = async ({ id }, services) => {
  const manager = await services.modelManager();
  await manager.remove(id);
  return { id };
};
