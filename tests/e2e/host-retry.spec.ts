// Retry from the Queue screen against the real pipeline: a couple generation started before
// person B's selfie is there fails with NO_FACE (something the user can fix), the user imports
// B, presses Retry, and the same job runs to the end. Heavy (models run on the CPU).
import { join } from 'node:path';
import { expect, repoRoot, test } from './helpers/host';

test('a job that failed for a fixable reason is retried from the Queue screen to success', async ({ app, host }) => {
  test.setTimeout(12 * 60_000);
  const project = await host.invoke('projects.create', { name: 'Retry couple', kind: 'couple' });
  await host.invoke('photos.import', { projectId: project.id, role: 'a', path: join(repoRoot, 'resources/samples/person-a.jpg') });
  const [theme] = await host.invoke('themes.list', {});
  const started = await host.invoke('generations.create', { projectId: project.id, theme: theme!.id, count: 4 });

  await app.getByTestId('nav-queue').click();
  const row = app.locator(`[data-testid="job-row"][data-job-id="${started.id}"]`);
  await expect(row).toHaveAttribute('data-status', 'failed', { timeout: 60_000 });
  // The message names the fix, not only the code.
  await expect(row.getByTestId('job-error')).toContainText('NO_FACE');
  await expect(row.getByTestId('job-error')).toContainText(/Import a selfie of/);
  await app.screenshot({ path: 'test-results/screens/queue-failed-no-face.png' });

  await host.invoke('photos.import', { projectId: project.id, role: 'b', path: join(repoRoot, 'resources/samples/person-b.jpg') });
  await row.getByTestId('job-retry').click();
  await expect(row).toHaveAttribute('data-status', 'done', { timeout: 10 * 60_000 });
  await expect(row.getByTestId('job-error')).toHaveCount(0);
  await app.screenshot({ path: 'test-results/screens/queue-retried-done.png' });

  // The stored job is the same one, finished, and its drafts are in the project.
  const job = await host.invoke('jobs.get', { id: started.id });
  expect(job).toMatchObject({ id: started.id, status: 'done', type: 'couple.generate' });
  expect(job.steps.every((s) => s.status === 'done')).toBe(true);
  const drafts = await host.invoke('images.list', { projectId: project.id, stage: 'draft' });
  expect(drafts).toHaveLength(4);
});
