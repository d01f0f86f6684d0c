// Settings › Models against the real browser host: the built-in models with status, licence and
// verified error; imports refused with the contract's message; a download from a loopback
// server started here, with its progress bar, that ends installed and can be removed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { loadCatalog } from '../../models/catalog';
import { OnnxGraphBuilder } from '../../models/convert/onnx/graph-builder';
import { serveWithRange, startLoopbackServer } from '../integration/model-manager/helpers/loopback-server';
import { embeddingModel, sha256 } from '../integration/model-manager/helpers/models';
import { expect, test } from './helpers/host';

let src: string;

test.beforeEach(() => {
  src = mkdtempSync(join(tmpdir(), 'pairlight-e2e-models-src-'));
});

test.afterEach(() => {
  rmSync(src, { recursive: true, force: true });
});

async function openModels(page: Page) {
  await page.getByTestId('nav-settings').click();
  const section = page.getByTestId('settings-models');
  await section.scrollIntoViewIfNeeded();
  return section;
}

async function shot(page: Page, name: string) {
  // The Models section sits below the fold: bring its top into view before the picture.
  await page.getByTestId('settings-models').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: `test-results/screens/${name}.png` });
}

test('lists the built-in models and refuses a non-ONNX import with its message', async ({ app }) => {
  const section = await openModels(app);
  const catalog = loadCatalog().models.filter((m) => !m.testOnly);
  const rows = section.getByTestId('model-list').locator('li');
  await expect(rows).toHaveCount(catalog.length);
  for (const entry of catalog) {
    const row = section.getByTestId(`model-${entry.id}`);
    await expect(row.getByTestId('model-status')).toHaveText('Installed');
    await expect(row.getByTestId('model-licence')).toContainText(entry.provenance.weightsLicence);
    if (entry.verification) await expect(row.getByTestId('model-verified')).toContainText('max error');
    // Built-in models cannot be removed from here.
    await expect(row.getByTestId('model-remove')).toHaveCount(0);
  }
  await expect(section.getByTestId('runtime-provider')).toContainText('ONNX Runtime provider in use');

  const notes = join(src, 'notes.onnx');
  writeFileSync(notes, 'these are notes, not a network');
  await section.getByTestId('model-path').fill(notes);
  await section.getByTestId('model-task-select').selectOption('upscale');
  await section.getByTestId('add-model-submit').click();
  const toast = app.getByTestId('toast').filter({ hasText: 'MODEL_INVALID' });
  await expect(toast).toBeVisible({ timeout: 30_000 });
  await expect(toast).toContainText('not an ONNX model');
  await expect(rows).toHaveCount(catalog.length);
  await shot(app, 'settings-models');
});

test('"Add a pixel-diffusion model" names the contract field a file breaks', async ({ app }) => {
  const section = await openModels(app);
  const g = new OnnxGraphBuilder('bare');
  g.node('Identity', [g.input('sample', [1, 3, 8, 8])], ['prediction']);
  g.output('prediction', [1, 3, 8, 8]);
  g.metadata('pairlight.diffusion.prediction', 'eps');
  const file = join(src, 'bare-unet.onnx');
  writeFileSync(file, g.toBytes());

  await section.getByTestId('add-mode-diffusion').click();
  // The task is fixed to diffusion in this mode.
  await expect(section.getByTestId('model-task-select')).toHaveCount(0);
  await section.getByTestId('model-path').fill(file);
  await section.getByTestId('add-model-submit').click();
  const toast = app.getByTestId('toast').filter({ hasText: 'MODEL_INVALID' });
  await expect(toast).toBeVisible({ timeout: 30_000 });
  await expect(toast).toContainText('pairlight.diffusion.version is missing');
  await expect(section.getByTestId('model-bare-unet')).toHaveCount(0);
});

test('downloads a model with a progress bar, installs it, then removes it', async ({ app }) => {
  const payload = embeddingModel({ length: 131_072 });
  // Slow enough to see the transfer (about 3 s), fast enough for the test.
  const server = await startLoopbackServer((req, res) => serveWithRange(req, res, payload, { chunks: 60, delayMs: 50 }));
  try {
    const section = await openModels(app);
    await section.getByTestId('add-mode-download').click();
    await section.getByTestId('model-url').fill(server.url());
    await section.getByTestId('model-sha256').fill(sha256(payload));
    await section.getByTestId('model-id').fill('web-embedder');
    await section.getByTestId('model-task-select').selectOption('face-embedding');
    await section.getByTestId('model-title').fill('Embedder from the web');
    await section.getByTestId('model-licence-input').fill('MIT');
    await section.getByTestId('add-model-submit').click();

    const row = section.getByTestId('model-web-embedder');
    await expect(row.getByTestId('model-status')).toHaveText('Downloading');
    await expect(row.getByTestId('model-progress')).toContainText('Receiving');
    await shot(app, 'settings-models-download');

    await expect(row.getByTestId('model-status')).toHaveText('Installed', { timeout: 30_000 });
    await expect(row).toContainText('Downloaded');
    await expect(row.getByTestId('model-licence')).toContainText('MIT');
    await expect(row.getByTestId('model-progress')).toHaveCount(0);

    await row.getByTestId('model-remove').click();
    await expect(row).toHaveCount(0);
  } finally {
    await server.close();
  }
});

test('a download can be cancelled, shows as paused, and resumes to the end', async ({ app }) => {
  const payload = embeddingModel({ length: 131_072 });
  const server = await startLoopbackServer((req, res) => serveWithRange(req, res, payload, { chunks: 100, delayMs: 60 }));
  try {
    const section = await openModels(app);
    await section.getByTestId('add-mode-download').click();
    await section.getByTestId('model-url').fill(server.url());
    await section.getByTestId('model-sha256').fill(sha256(payload));
    await section.getByTestId('model-id').fill('slow-embedder');
    await section.getByTestId('model-task-select').selectOption('face-embedding');
    await section.getByTestId('model-licence-input').fill('MIT');
    await section.getByTestId('add-model-submit').click();

    const row = section.getByTestId('model-slow-embedder');
    await expect(row.getByTestId('model-progress')).toContainText('Receiving');
    await row.getByTestId('model-cancel').click();
    await expect(row.getByTestId('model-status')).toHaveText('Paused');
    await expect(row.getByTestId('model-progress')).toContainText('resumes where it stopped');
    // Cancelling is not a failure: no error toast.
    await expect(app.getByTestId('toast')).toHaveCount(0);

    await row.getByTestId('model-resume').click();
    await expect(row.getByTestId('model-status')).toHaveText('Installed', { timeout: 30_000 });
    // The resumed request asked only for the rest of the file.
    expect(server.requests.at(-1)?.range).toMatch(/^bytes=[1-9]\d*-$/);
  } finally {
    await server.close();
  }
});
