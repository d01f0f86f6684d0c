import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type AppServices } from '../../../electron/app/services';

/** Real services over a fresh temp data folder; `dispose` closes the database and removes it. */
export function tempServices(): { services: AppServices; dataDir: string; dispose(): Promise<void> } {
  const dataDir = mkdtempSync(join(tmpdir(), 'pairlight-test-'));
  const services = createServices({ dataDir });
  return {
    services,
    dataDir,
    async dispose() {
      await services.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
