// The Queue screen of the real app build, over a scripted PairlightBridge put at
// window.pairlight (where Electron's preload puts the real one). No job type exists in the app
// yet, so the host cannot produce running jobs; this drives the same events the queue will send
// (job.progress, job.updated) and checks what the renderer does with them and with cancel/retry.
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

const dist = join(import.meta.dirname, '../../renderer/dist');
const ORIGIN = 'http://app.pairlight.test';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

function scriptedBridge() {
  const now = new Date().toISOString();
  const steps = (names: string[], statuses: string[]) => names.map((name, i) => ({ name, status: statuses[i], progress: statuses[i] === 'done' ? 1 : 0 }));
  const jobs = [
    { id: 'up', projectId: null, type: 'upscale', status: 'running', steps: steps(['decode', 'tiles', 'write'], ['done', 'running', 'pending']), progress: 0.34, message: '', error: null, attempts: 1, createdAt: now, updatedAt: now },
    { id: 'dr', projectId: null, type: 'couple.draft', status: 'queued', steps: steps(['layout', 'relight', 'grade', 'score'], ['pending', 'pending', 'pending', 'pending']), progress: 0, message: '', error: null, attempts: 0, createdAt: now, updatedAt: now },
    {
      id: 'an', projectId: null, type: 'analyze', status: 'failed', steps: [{ name: 'detect', status: 'done', progress: 1 }, { name: 'mesh', status: 'failed', progress: 0.4 }],
      progress: 0.7, message: '', error: { code: 'MODEL_MISSING', message: 'The face mesh model is not installed. Open Settings › Models and install "face-mesh".' }, attempts: 1, createdAt: now, updatedAt: now,
    },
  ];
  const listeners: Record<string, ((p: unknown) => void)[]> = {};
  const calls: string[] = [];
  const emit = (event: string, payload: unknown) => (listeners[event] ?? []).forEach((cb) => cb(payload));
  const w = window as unknown as Record<string, unknown>;
  w.__calls = calls;
  w.__emit = emit;
  w.pairlight = {
    async invoke(command: string, input: { id?: string }) {
      calls.push(`${command}${input.id ? ` ${input.id}` : ''}`);
      const job = jobs.find((j) => j.id === input.id);
      switch (command) {
        case 'projects.list': return [];
        case 'jobs.list': return structuredClone(jobs);
        case 'jobs.cancel':
          Object.assign(job!, { status: 'cancelled', steps: job!.steps.map((s) => (s.status === 'running' || s.status === 'pending' ? { ...s, status: 'cancelled' } : s)) });
          return structuredClone(job);
        case 'jobs.retry':
          Object.assign(job!, { status: 'queued', error: null, attempts: job!.attempts + 1, steps: job!.steps.map((s) => (s.status === 'done' ? s : { ...s, status: 'pending', progress: 0 })) });
          return structuredClone(job);
        default: throw { code: 'INTERNAL', message: `not scripted: ${command}` };
      }
    },
    on(event: string, cb: (p: unknown) => void) {
      (listeners[event] ??= []).push(cb);
      return () => { listeners[event] = listeners[event].filter((x) => x !== cb); };
    },
    mediaUrl: () => '',
  };
}

async function openApp(page: Page) {
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = normalize(new URL(route.request().url()).pathname).replace(/^\/+/, '') || 'index.html';
    const file = join(dist, path);
    if (!file.startsWith(dist) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    await route.fulfill({ status: 200, contentType: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
  });
  await page.addInitScript(scriptedBridge);
  await page.goto(`${ORIGIN}/index.html#/queue`);
}

test('queue: per-step progress from events, ETA, cancel, retry, error with what to do', async ({ page }) => {
  await page.clock.install();
  await openApp(page);
  const rows = page.getByTestId('job-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('queue-badge')).toHaveText('2');
  // Frozen clock: the ETA depends on elapsed time, which must not include the test's own pace.
  await page.clock.pauseAt(Date.now() + 1000);

  const upscale = page.locator('[data-job-id="up"]');
  await page.evaluate(() => (window as any).__emit('job.progress', { jobId: 'up', step: 'tiles', fraction: 0.1, message: 'Tile 4 of 40' }));
  await expect(upscale.getByTestId('job-eta')).toHaveText('estimating…');
  await page.clock.fastForward(10_000);
  await page.evaluate(() => (window as any).__emit('job.progress', { jobId: 'up', step: 'tiles', fraction: 0.4, message: 'Tile 16 of 40' }));
  // 0.1 → 0.4 of step 2 of 3 in 10 s is 0.1 of the job; 0.53 of the job left ≈ 53 s.
  await expect(upscale.getByTestId('job-eta')).toHaveText('about 53 s left');
  await expect(upscale.getByTestId('job-message')).toHaveText('Tile 16 of 40');
  await expect(upscale.getByRole('progressbar', { name: 'Tiles' })).toHaveAttribute('aria-valuenow', '40');
  await expect(upscale.getByRole('progressbar', { name: 'Decode' })).toHaveAttribute('aria-valuenow', '100');
  await expect(page.locator('[data-job-id="an"]').getByTestId('job-error')).toContainText('Open Settings › Models');
  await page.screenshot({ path: 'test-results/screens/queue-jobs.png' });

  await upscale.getByTestId('job-cancel').click();
  await expect(upscale).toHaveAttribute('data-status', 'cancelled');
  await expect(upscale.getByTestId('job-retry')).toBeVisible();
  await expect(page.getByTestId('queue-badge')).toHaveText('1');

  const failed = page.locator('[data-job-id="an"]');
  await failed.getByTestId('job-retry').click();
  await expect(failed).toHaveAttribute('data-status', 'queued');
  await expect(failed.getByTestId('job-error')).toHaveCount(0);

  // job.updated from the queue replaces what the row shows.
  await page.evaluate(() =>
    (window as any).__emit('job.updated', {
      id: 'dr', projectId: null, type: 'couple.draft', status: 'done',
      steps: ['layout', 'relight', 'grade', 'score'].map((name) => ({ name, status: 'done', progress: 1 })),
      progress: 1, message: '', error: null, attempts: 1, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(),
    }),
  );
  await expect(page.locator('[data-job-id="dr"]')).toHaveAttribute('data-status', 'done');
  expect(await page.evaluate(() => (window as any).__calls)).toEqual(expect.arrayContaining(['jobs.list', 'jobs.cancel up', 'jobs.retry an']));
  await page.screenshot({ path: 'test-results/screens/queue-after-cancel-retry.png' });
});
