import type { Handler } from './types';

export const appInfo: Handler<'app.info'> = (_input, services) => ({
  version: services.version,
  dataDir: services.dataDir,
  ...(services.runtime.provider ? { provider: services.runtime.provider } : {}),
});
