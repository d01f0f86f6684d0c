import { toContractItem } from '../models-contract';
import type { Handler } from './types';

export const modelsList: Handler<'models.list'> = async ({ includeTestOnly }, services) => {
  const manager = await services.modelManager();
  return (await manager.list({ includeTestOnly: includeTestOnly === true })).map(toContractItem);
};
