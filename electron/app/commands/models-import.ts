import { toCatalogTask, toContractItem } from '../models-contract';
import type { Handler } from './types';

export const modelsImport: Handler<'models.import'> = async ({ path, task, id, title, licence }, services) => {
  const manager = await services.modelManager();
  const item = await manager.importLocal(path, toCatalogTask(task), {
    ...(id !== undefined ? { id } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(licence !== undefined ? { licence } : {}),
  });
  return toContractItem(item);
};
