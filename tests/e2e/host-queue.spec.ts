// The Queue screen against a real job in the host: progress arrives as events, cancel stops
// the job and the stored state says so.
import { fileURLToPath } from 'node:url';
import { expect, test } from './helpers/host';

test.use({ hostSetup: fileURLToPath(new URL('./helpers/slow-job-setup.ts', import.meta.url)) });

test('a running job shows progress and can be cancelled', async ({ app, host }) => {
  await app.getByTestId('nav-queue').click();
  const row = app.getByTestId('job-row').first();
  await expect(row).toHaveAttribute('data-status', 'running');
  const jobId = (await row.getAttribute('data-job-id'))!;
  await expect(row.getByTestId('job-message')).toContainText(/analyze: \d+ of 400/);

  await row.getByTestId('job-cancel').click();
  await expect(row).toHaveAttribute('data-status', 'cancelled');
  const job = await host.invoke('jobs.get', { id: jobId });
  expect(job).toMatchObject({ status: 'cancelled', type: 'test.slow' });
  expect(job.steps[0]!.status).toBe('cancelled');
});
