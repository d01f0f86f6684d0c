// The baby flow through the real host and pipeline: a baby project, both parents imported from
// the sample selfies, age 1 year, resemblance toward A, 2 variations, then the result cards with
// resemblance numbers and trait reports. Heavy (face models on the CPU): its own long timeout.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, repoRoot, test } from './helpers/host';

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });

test('baby flow: two parents to variations with trait reports', async ({ app, host }) => {
  test.setTimeout(15 * 60_000);
  const project = await host.invoke('projects.create', { name: 'Baby Lea', kind: 'baby' });
  await app.goto(`${host.url}#/session/${project.id}`);
  await expect(app.getByTestId('session-title')).toHaveText('Baby Lea');
  await expect(app.getByTestId('drop-zone-A')).toContainText('Parent A');
  await expect(app.getByTestId('baby-empty')).toBeVisible();

  await app.getByTestId('import-A').setInputFiles(join(repoRoot, 'resources/samples/person-a.jpg'));
  await expect(app.getByTestId('drop-zone-A').getByTestId('photo-card')).toHaveCount(1, { timeout: 120_000 });
  await app.getByTestId('import-B').setInputFiles(join(repoRoot, 'resources/samples/person-b.jpg'));
  await expect(app.getByTestId('drop-zone-B').getByTestId('photo-card')).toHaveCount(1, { timeout: 120_000 });

  await app.getByTestId('age-1y').click();
  await expect(app.getByTestId('age-1y')).toHaveAttribute('aria-checked', 'true');
  // The slider runs A (left) … B (right); its value is B's share, so 20 means "A 80%".
  await app.getByTestId('resemblance-slider').fill('20');
  await expect(app.getByTestId('resemblance-share')).toHaveText('A 80% · B 20%');
  await app.getByTestId('variations').selectOption('2');
  // A fixed seed: the same parents + settings + seed give the same babies, so the numbers below are stable.
  await app.getByTestId('seed-input').fill('881143558');
  await shot(app, 'baby-parents');

  await app.getByTestId('generate').click();
  await expect(app.getByTestId('generation-progress')).toBeVisible();
  await shot(app, 'baby-progress');
  await expect(app.getByTestId('generation-progress')).toHaveAttribute('data-status', 'done', { timeout: 10 * 60_000 });

  const cards = app.getByTestId('baby-card');
  await expect(cards).toHaveCount(2, { timeout: 30_000 });
  await expect(app.getByTestId('inheritance-model')).toHaveCount(1);
  await expect(app.getByTestId('inheritance-model')).not.toBeEmpty();
  for (const card of await cards.all()) {
    await expect(card.getByTestId('resemblance')).toContainText(/A \d+% · B \d+%/);
    expect(await card.getByTestId('trait-line').count()).toBeGreaterThanOrEqual(4);
    await expect(card.getByTestId('trait-line').first()).toContainText(/Parent A|Parent B|Both|Neither/);
  }
  // Toward A in the slider: on average the babies should be measured closer to A than to B.
  const mean = async (testId: string) => {
    const values = await app.getByTestId(testId).allInnerTexts();
    return values.reduce((sum, v) => sum + Number(v.replace('%', '')), 0) / values.length;
  };
  expect(await mean('resemblance-a')).toBeGreaterThan(await mean('resemblance-b'));

  // The report card is a real PNG served from the project folder.
  const href = await cards.first().getByTestId('report-card-link').getAttribute('href');
  expect(href).toBeTruthy();
  const card = await app.request.get(new URL(href!, host.url).href);
  expect(card.status()).toBe(200);
  expect(card.headers()['content-type']).toContain('image/png');
  writeFileSync('test-results/screens/baby-report-card-file.png', await card.body());
  await shot(app, 'baby-results');
  await cards.first().screenshot({ path: 'test-results/screens/baby-result-card.png' });

  // The gallery lists the variations as baby-<scene> drafts, like any image.
  await app.getByTestId('nav-gallery').click();
  await expect(app.getByTestId('gallery-cell')).toHaveCount(2);
  // Thumbnails come from the project's thumbs/ folder, never the full-size file.
  await expect(app.getByTestId('gallery-cell').first().locator('img')).toHaveAttribute('src', /\/thumbs\/[0-9a-f]+\.jpg/);
  await shot(app, 'baby-gallery');

  // Lineage shows the recipe (age, scene, share); remix reopens the session with the settings
  // that make it again: its age, share and variation count, and the base seed of its set.
  await app.getByTestId('gallery-cell').first().click();
  const facts = app.getByTestId('lightbox').getByTestId('lineage-fact');
  await expect(facts.filter({ hasText: 'age 1y' })).toHaveCount(1);
  await expect(facts.filter({ hasText: 'share A 80%' })).toHaveCount(1);
  await shot(app, 'baby-lineage');
  const seed = (await app.getByTestId('lightbox').getByTestId('lineage-panel').innerText()).match(/seed (\d+)/)?.[1];
  expect(seed).toBeTruthy();
  await app.getByTestId('remix').click();
  await expect(app.getByTestId('session-title')).toHaveText('Baby Lea');
  await expect(app.getByTestId('seed-input')).toHaveValue('881143558');
  await expect(app.getByTestId('reuse-seed')).toBeChecked();
  await expect(app.getByTestId('age-1y')).toHaveAttribute('aria-checked', 'true');
  await expect(app.getByTestId('resemblance-share')).toHaveText('A 80% · B 20%');
  await expect(app.getByTestId('variations')).toHaveValue('2');

  // Opened again from the projects, not as a remix: the controls start from their defaults, not
  // from the remix still in the session store when the screen first renders.
  await app.getByTestId('nav-projects').click();
  await app.getByRole('button', { name: 'Open Baby Lea' }).click();
  await expect(app.getByTestId('session-title')).toHaveText('Baby Lea');
  await expect(app.getByTestId('reuse-seed')).not.toBeChecked();
  await expect(app.getByTestId('age-newborn')).toHaveAttribute('aria-checked', 'true');
  await expect(app.getByTestId('resemblance-share')).toHaveText('A 50% · B 50%');
  await expect(app.getByTestId('variations')).toHaveValue('4');
});
