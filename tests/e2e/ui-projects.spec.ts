// The Projects screen against the real browser host: create, search, rename, delete, and the
// app frame around it. Screenshots go to test-results/screens/ for review.
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/host';

/** Console errors include CSP violations and failed loads: a clean screen has none. */
function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  return problems;
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png` });
}

test('projects: empty state, create, search, rename, delete, with no console or CSP errors', async ({ page, host }) => {
  const problems = watchConsole(page);
  await page.goto(host.url);
  await expect(page.getByTestId('projects-empty')).toBeVisible();
  await shot(page, 'projects-empty');

  // Create with a kind, through the keyboard shortcut.
  await page.keyboard.press('n');
  await expect(page.getByTestId('new-project-dialog')).toBeVisible();
  await page.getByTestId('project-name-input').fill('Anna & Marc');
  await page.getByTestId('kind-couple').click();
  await shot(page, 'projects-new-dialog');
  await page.getByTestId('create-project').click();
  // Creating opens the project's session.
  await expect(page.getByTestId('session-title')).toHaveText('Anna & Marc');
  await shot(page, 'session-empty');

  await page.getByTestId('nav-projects').click();
  await page.getByTestId('new-project').click();
  await page.getByTestId('project-name-input').fill('Future baby: Lea');
  await page.getByTestId('kind-baby').click();
  await page.getByTestId('create-project').click();
  await expect(page.getByTestId('session-title')).toHaveText('Future baby: Lea');

  await page.getByTestId('nav-projects').click();
  await page.getByTestId('new-project').click();
  await page.getByTestId('project-name-input').fill('Studio Martin — wedding');
  await page.getByTestId('kind-client').click();
  await page.getByTestId('create-project').click();
  await page.getByTestId('nav-projects').click();
  await expect(page.getByTestId('project-card')).toHaveCount(3);
  await shot(page, 'projects-grid');

  // Search narrows the grid, Escape clears it.
  await page.getByTestId('project-search').fill('lea');
  await expect(page.getByTestId('project-card')).toHaveCount(1);
  await page.getByTestId('project-search').press('Escape');
  await expect(page.getByTestId('project-card')).toHaveCount(3);

  // Rename.
  const anna = page.getByTestId('project-card').filter({ hasText: 'Anna & Marc' });
  await anna.hover();
  await anna.getByTestId('rename').click();
  await page.getByTestId('project-name-input').fill('Anna & Marc, Lisbon');
  await page.getByTestId('save-rename').click();
  await expect(page.getByTestId('project-card').filter({ hasText: 'Anna & Marc, Lisbon' })).toHaveCount(1);

  // An empty name is refused by the form before it reaches the contract.
  await page.getByTestId('project-card').first().hover();
  await page.getByTestId('project-card').first().getByTestId('rename').click();
  await page.getByTestId('project-name-input').fill('   ');
  await expect(page.getByTestId('save-rename')).toBeDisabled();
  await page.keyboard.press('Escape');

  // Reload: still there, same screen.
  await page.reload();
  await expect(page.getByTestId('project-card')).toHaveCount(3);
  await expect(page.getByTestId('project-card').filter({ hasText: 'Anna & Marc, Lisbon' })).toHaveCount(1);

  // Delete with confirmation; "Keep it" changes nothing.
  const lea = page.getByTestId('project-card').filter({ hasText: 'Future baby: Lea' });
  await lea.hover();
  await lea.getByTestId('delete').click();
  await shot(page, 'projects-delete-confirm');
  await page.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.getByTestId('project-card')).toHaveCount(3);
  await lea.hover();
  await lea.getByTestId('delete').click();
  await page.getByTestId('confirm-delete').click();
  await expect(page.getByTestId('project-card')).toHaveCount(2);
  await page.reload();
  await expect(page.getByTestId('project-card')).toHaveCount(2);

  expect(problems).toEqual([]);
});

test('errors from the contract are shown as toasts with their user message', async ({ page, host }) => {
  const doomed = await host.invoke('projects.create', { name: 'Deleted elsewhere', kind: 'couple' });
  await page.goto(host.url);
  const card = page.locator(`[data-testid="project-card"][data-project-id="${doomed.id}"]`);
  await expect(card).toBeVisible();
  await card.hover();
  await card.getByTestId('rename').click();
  await page.getByTestId('project-name-input').fill('Renamed');
  // Meanwhile another window deletes it: the live list drops the card, and saving the rename
  // must say why it failed instead of failing silently.
  await host.invoke('projects.delete', { id: doomed.id });
  await expect(card).toHaveCount(0);
  await page.getByTestId('save-rename').click();
  const toast = page.getByTestId('toast');
  await expect(toast).toBeVisible();
  await expect(toast).toContainText('NOT_FOUND');
  await shot(page, 'toast-error');
});

test('navigation: every screen reachable by click and by Ctrl+number, each says what to do next', async ({ page, host }) => {
  const problems = watchConsole(page);
  await host.invoke('projects.create', { name: 'Navigation check', kind: 'couple' });
  await page.goto(host.url);
  await expect(page.getByTestId('nav-projects')).toHaveAttribute('aria-current', 'page');
  for (const [index, screen] of ['projects', 'session', 'gallery', 'queue', 'settings'].entries()) {
    await page.keyboard.press(`Control+${index + 1}`);
    await expect(page.getByTestId(`nav-${screen}`)).toHaveAttribute('aria-current', 'page');
  }
  await page.getByTestId('nav-queue').click();
  await expect(page.getByTestId('queue-empty')).toBeVisible();
  await shot(page, 'queue-empty');

  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('data-dir')).toContainText(host.dataDir);
  await shot(page, 'settings');
  // A setting survives a reload because it went through settings.set.
  await page.getByTestId('provider-cpu').click();
  await expect(page.getByTestId('provider-cpu')).toHaveAttribute('aria-checked', 'true');
  const embed = page.getByTestId('embed-metadata');
  const before = await embed.isChecked();
  await embed.click({ force: true });
  await expect(embed).toBeChecked({ checked: !before });
  await page.reload();
  await expect(page.getByTestId('provider-cpu')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('embed-metadata')).toBeChecked({ checked: !before });

  await page.getByTestId('nav-gallery').click();
  // Before couple portraits land the gallery says what it waits for; after, that it is empty.
  await expect(page.getByTestId('gallery-unavailable').or(page.getByTestId('gallery-empty'))).toBeVisible();
  await shot(page, 'gallery-empty');

  await page.getByTestId('nav-projects').click();
  await page.getByTestId('project-card').filter({ hasText: 'Navigation check' }).click();
  await expect(page.getByTestId('drop-zone-A')).toBeVisible();
  await expect(page.getByTestId('drafts-empty')).toBeVisible();
  await shot(page, 'session-empty-project');
  expect(problems).toEqual([]);
});

test('session: importing a file that is not an image shows its message and leaves the project intact', async ({ page, host }) => {
  const project = await host.invoke('projects.create', { name: 'Import check', kind: 'couple' });
  await page.goto(`${host.url}#/session/${project.id}`);
  await expect(page.getByTestId('session-title')).toHaveText('Import check');
  test.skip((await page.getByTestId('import-A').isDisabled()), 'photos.import has not landed in this build');
  await page.getByTestId('import-A').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
  const toast = page.getByTestId('toast').filter({ hasText: 'IMPORT_NOT_IMAGE' });
  await expect(toast).toBeVisible({ timeout: 30_000 });
  await shot(page, 'session-import-error');
  await expect(page.getByTestId('photo-card')).toHaveCount(0);
  expect(await host.invoke('photos.list', { projectId: project.id })).toEqual([]);
  expect((await host.invoke('projects.get', { id: project.id })).name).toBe('Import check');
});
