// Where a worker thread's script is and how to start it, for every worker Pairlight runs
// (inference, drafts): the bundled `.js` next to the calling module in a build (electron-vite
// emits each worker as its own entry), else the `.ts` source.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function workerScript(name: string, base: string | URL): URL {
  const bundled = new URL(`./${name}.js`, base);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL(`./${name}.ts`, base);
}

/**
 * The parent's Node flags minus those a worker refuses (`--input-type`, `--eval`, `--print`):
 * loaders such as tsx's `--import` must carry over, but a parent started with `-e` must not
 * make every worker fail to start.
 */
export function workerExecArgv(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--input-type')) {
      if (!a.includes('=')) i++;
      continue;
    }
    if (a === '-e' || a === '--eval' || a === '-p' || a === '--print') {
      i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

/**
 * Flags for a worker whose `.ts` source imports the project's modules: Node's own type stripping
 * cannot resolve their extensionless imports, so without a TypeScript loader already in the
 * parent's flags (tsx under `npm run serve` and the CLI) tsx is added (a test runner's process).
 * A bundled `.js` worker needs nothing.
 */
export function projectWorkerExecArgv(script: URL, argv: readonly string[]): string[] {
  const base = workerExecArgv(argv);
  if (!script.pathname.endsWith('.ts') || base.some((a) => a.includes('tsx'))) return base;
  return [...base, '--import', 'tsx'];
}
