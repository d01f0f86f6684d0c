// Through the browser host in Chromium: a project survives a reload, and deleting it removes
// its folder from the disk.
import { existsSync } from 'node:fs';
import { expect, test } from './helpers/host';

test('create, rename, reload, delete a project', async ({ app, host }) => {
  await app.getByTestId('nav-projects').click();
  await app.getByTestId('new-project').click();
  await app.getByTestId('project-name-input').fill('Anna & Marc');
  await app.getByTestId('kind-couple').click();
  await app.getByTestId('create-project').click();

  // Creating opens the new project; come back to the list.
  await app.getByTestId('nav-projects').click();
  const card = app.getByTestId('project-card').filter({ hasText: 'Anna & Marc' });
  await expect(card).toHaveCount(1);
  const projectId = (await card.getAttribute('data-project-id'))!;
  expect(projectId).toBeTruthy();
  expect(existsSync(host.projectDir(projectId))).toBe(true);

  await card.getByTestId('rename').click();
  await app.getByTestId('project-name-input').fill('Anna & Marc, summer');
  await app.getByTestId('save-rename').click();
  const renamed = app.locator(`[data-testid="project-card"][data-project-id="${projectId}"]`);
  await expect(renamed.getByTestId('project-name')).toHaveText('Anna & Marc, summer');

  await app.reload();
  await app.getByTestId('nav-projects').click();
  await expect(renamed.getByTestId('project-name')).toHaveText('Anna & Marc, summer');
  expect((await host.invoke('projects.get', { id: projectId })).name).toBe('Anna & Marc, summer');

  await renamed.getByTestId('delete').click();
  await app.getByTestId('confirm-delete').click();
  await expect(renamed).toHaveCount(0);
  await expect.poll(() => existsSync(host.projectDir(projectId))).toBe(false);
  expect(await host.invoke('projects.list', {})).toEqual([]);

  await app.reload();
  await app.getByTestId('nav-projects').click();
  await expect(app.getByTestId('projects-empty')).toBeVisible();
});

test('the page is refused without the token', async ({ host, page }) => {
  const response = await page.goto(host.origin + '/');
  expect(response?.status()).toBe(401);
  expect(await page.content()).not.toContain('id="root"');
});
