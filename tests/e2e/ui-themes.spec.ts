// Theme editor through the real host: duplicate Golden Hour, rename it, try an impossible
// aperture in its field and pick another sampler from its list (the contract's field-named error shows, the field is marked, the dialog
// stays), look at the same values as JSON, fix the aperture, save; the copy appears in the picker
// as "Yours" with the new values, and can be deleted again.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './helpers/host';

async function setAperture(editor: Locator, aperture: number): Promise<void> {
  await editor.locator('[data-testid="theme-field"][data-path="lens.aperture"]').fill(String(aperture));
}

const slot = (page: Page, id: string) => page.locator(`[data-testid="theme-slot"][data-theme-id="${id}"]`);

test('duplicate Golden Hour, edit its name and aperture, save as one of "Yours"', async ({ page, host }) => {
  test.setTimeout(4 * 60_000);
  const project = await host.invoke('projects.create', { name: 'Theme lab', kind: 'couple' });
  await page.goto(`${host.url}#/session/${project.id}`);
  // The first themes.list renders every preview from the sample couple: allow it time.
  await expect(page.getByTestId('theme-card')).toHaveCount(8, { timeout: 120_000 });
  await expect(page.getByTestId('theme-yours')).toHaveCount(0);

  await slot(page, 'golden-hour').getByTestId('theme-duplicate').click();
  const editor = page.getByTestId('theme-editor');
  await expect(editor).toBeVisible();
  await expect(editor.getByTestId('theme-editor-name')).toHaveValue('Golden Hour (copy)');
  await editor.getByTestId('theme-editor-name').fill('Our Golden Hour');

  // Every section of the theme is there as fields, the colour tuples as rows of numbers.
  for (const section of ['Canvas', 'Backdrop', 'Lens', 'Light', 'Grade', 'Variation', 'Refine']) {
    await expect(editor.locator('legend', { hasText: section })).toBeVisible();
  }
  await expect(editor.locator('[data-path="light.key.temperatureK"]')).toHaveValue(/^\d+$/);
  // Words the schema limits to a few are picked from a list, not typed.
  await expect(editor.locator('select[data-path="refine.sampler"] option')).toContainText(['ddim', 'euler', 'euler-a', 'dpmpp-2m-karras', 'lcm']);
  await editor.locator('select[data-path="refine.sampler"]').selectOption('dpmpp-2m-karras');
  await expect(editor.locator('[data-path="backdrop.kind"]')).toContainText('JSON view');
  await editor.locator('[data-path="backdrop.kind"]').scrollIntoViewIfNeeded();
  await editor.screenshot({ path: 'test-results/screens/theme-editor-backdrop.png' });
  await editor.locator('select[data-path="refine.sampler"]').scrollIntoViewIfNeeded();
  await editor.screenshot({ path: 'test-results/screens/theme-editor-refine.png' });
  await setAperture(editor, 0.5);
  await editor.getByTestId('theme-editor-save').click();
  await expect(editor.getByTestId('theme-editor-error')).toContainText('lens.aperture');
  await expect(editor.locator('[data-path="lens.aperture"]')).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.locator('[data-path="lens.aperture"]')).toBeFocused();
  await expect(editor).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/theme-editor.png' });

  // The same values as JSON (for bigger changes), and back.
  await editor.getByTestId('theme-editor-mode-json').click();
  const json = JSON.parse(await editor.getByTestId('theme-editor-json').inputValue()) as { lens: { aperture: number }; name?: string };
  expect(json.lens.aperture).toBe(0.5);
  expect(json.name).toBeUndefined();
  await editor.getByTestId('theme-editor-mode-fields').click();
  await setAperture(editor, 2.8);
  await editor.getByTestId('theme-editor-save').click();
  await expect(editor).toBeHidden();

  const mine = slot(page, 'golden-hour-copy');
  await expect(mine.getByTestId('theme-yours')).toHaveText('Yours', { timeout: 60_000 });
  await expect(mine.locator('.theme-name')).toHaveText('Our Golden Hour');
  await expect(mine.getByTestId('theme-card')).toHaveAttribute('aria-checked', 'true');
  const saved = await host.invoke('themes.get', { id: 'golden-hour-copy' });
  expect((saved.lens as { aperture: number }).aperture).toBe(2.8);
  expect((saved.refine as { sampler: string }).sampler).toBe('dpmpp-2m-karras');
  await expect(slot(page, 'golden-hour').getByTestId('theme-yours')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screens/theme-picker-yours.png' });

  await mine.getByTestId('theme-delete').click();
  await mine.getByTestId('theme-delete').click();
  await expect(mine).toHaveCount(0);
  await expect(page.getByTestId('theme-card')).toHaveCount(8);
});
