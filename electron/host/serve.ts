// `npm run serve`: the browser host as a process. Prints exactly one line with the URL (the
// e2e harness and users read it), then serves until SIGINT/SIGTERM.
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../app/data-dir';
import { registerAppJobs } from '../app/jobs/registry';
import { createServices, startBackground } from '../app/services';
import { startHost } from './server';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '0' },
        'data-dir': { type: 'string' },
        'renderer-dir': { type: 'string' },
        // A module whose default export `(services) => void | Promise<void>` runs before the
        // queue starts: registers extra job types and enqueues jobs. The e2e tests use it to put
        // known jobs on the Queue screen; it loads only a local file named on the command line.
        setup: { type: 'string' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\nUsage: npm run serve -- [--port N] [--data-dir DIR] [--renderer-dir DIR] [--setup MODULE]`);
    return 2;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535 (0 picks a free port); got "${values.port}".`);
    return 2;
  }
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const services = createServices({ dataDir });
  registerAppJobs(services);
  if (values.setup) {
    const setup = (await import(pathToFileURL(resolve(values.setup)).href)) as { default?: (s: typeof services) => unknown };
    if (typeof setup.default !== 'function') {
      console.error(`--setup ${values.setup} must export a default function (services) => void.`);
      return 2;
    }
    await setup.default(services);
  }
  if (!(await startBackground(services))) {
    console.error('Pairlight: another Pairlight process is running jobs for this library; this host will show them but not run them.');
  }
  const host = await startHost({ services, rendererDir: resolve(values['renderer-dir'] ?? `${repoRoot}renderer/dist`), port });
  console.log(`Pairlight host: ${host.url}`);

  const shutdown = async () => {
    await host.close();
    await services.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  return -1;
}

main().then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error) => {
    console.error('Pairlight host could not start:', error);
    process.exit(1);
  },
);
