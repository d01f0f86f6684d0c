// The e2e harness: each test gets its own browser host (`electron/host/serve.ts`) on a free
// port with a fresh temporary library, and a page already opened on the host's token URL.
//
//   import { test, expect } from './helpers/host';
//   test('…', async ({ app, host }) => { await app.getByTestId('new-project').click(); … });
//
// `host.dataDir` is the library folder, `host.projectDir(id)` a project's folder, and
// `host.invoke(command, input)` calls the contract directly (to set up state quickly).
// `test.use({ hostSetup: fileURLToPath(new URL('./helpers/slow-job-setup.ts', import.meta.url)) })`
// runs a setup module in the host (job types, queued jobs) before its queue starts.
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandName, CommandOutput } from '../../../electron/contract';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const LINE = /^Pairlight host: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]+))$/m;

export interface HostHandle {
  /** The printed URL, token included. */
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  projectDir(projectId: string): string;
  invoke<C extends CommandName>(command: C, input: unknown): Promise<CommandOutput<C>>;
}

/** better-sqlite3 13 needs Node >= 22: use the project's Node 24 even if Playwright runs on another. */
function nodeBinary(): string {
  const local = join(repoRoot, 'node_modules', '.bin', 'node');
  return existsSync(local) ? local : process.execPath;
}

/** `setupModule`: passed to the host as --setup (see electron/host/serve.ts), e.g. to enqueue jobs. */
export async function startHostProcess(dataDir: string, setupModule?: string): Promise<{ handle: HostHandle; stop(): Promise<void> }> {
  if (!existsSync(join(repoRoot, 'renderer', 'dist', 'index.html'))) {
    throw new Error('renderer/dist is missing: run `npm run build:renderer` before the e2e tests (npm test does).');
  }
  const child: ChildProcess = spawn(nodeBinary(), ['--import', 'tsx', join(repoRoot, 'electron/host/serve.ts'), '--port', '0', '--data-dir', dataDir, ...(setupModule ? ['--setup', setupModule] : [])], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PAIRLIGHT_DATA_DIR: dataDir },
  });
  let output = '';
  const url = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`host did not print its URL within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${code}) before printing its URL:\n${output}`));
    });
  });
  const [, printed, port, token] = url as unknown as [string, string, string, string];
  const origin = `http://127.0.0.1:${port}`;
  const handle: HostHandle = {
    url: printed,
    origin,
    token,
    dataDir,
    projectDir: (id) => join(dataDir, 'projects', id),
    async invoke(command, input) {
      const res = await fetch(`${origin}/api/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ command, input }),
      });
      const reply = (await res.json()) as { ok: boolean; result?: unknown; error?: { code: string; message: string } };
      if (!reply.ok) throw new Error(`${command}: ${reply.error?.code} ${reply.error?.message}`);
      return reply.result as never;
    },
  };
  return {
    handle,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export const test = base.extend<{ hostSetup: string | undefined; host: HostHandle; app: Page }>({
  /** `test.use({ hostSetup: path })` runs that module in the host before its queue starts. */
  hostSetup: [undefined, { option: true }],
  host: async ({ hostSetup }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pairlight-e2e-'));
    const running = await startHostProcess(dataDir, hostSetup);
    try {
      await use(running.handle);
    } finally {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
  app: async ({ page, host }, use) => {
    // Errors in the page fail the test: a broken bundle should not pass as "element not found".
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(host.url);
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
