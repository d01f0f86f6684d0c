// The real gallery through the browser host: opened straight on its URL, the page asks for the
// first page once, from its entry module; cells load the thumbnails the list names without an
// images.thumbnails call, and only a missing thumbnail is asked for; coming back to the gallery
// keeps the whole list on screen while it refreshes.
import { fileURLToPath } from 'node:url';
import type { Request } from '@playwright/test';
import { BOOT_MARK } from '../../renderer/src/boot';
import { expect, test } from './helpers/host';
import { GALLERY_IMAGES, NO_THUMB_ID } from './helpers/gallery-setup';

test.use({ hostSetup: fileURLToPath(new URL('./helpers/gallery-setup.ts', import.meta.url)) });

test('gallery: one early first-page request, thumbnails straight from the list, a steady revisit', async ({ app, host }) => {
  const invokes: { command: string; input: Record<string, unknown> }[] = [];
  const record = (request: Request) => {
    if (request.url().endsWith('/api/invoke')) invokes.push(JSON.parse(request.postData() ?? '{}'));
  };
  // A page load (not a hash change in the page already open): the entry module sees the route.
  await app.goto('about:blank');
  app.on('request', record);
  await app.goto(`${host.url}#/gallery/gallery-e2e`);

  const total = `${GALLERY_IMAGES.toLocaleString('en-US')} images`;
  await expect(app.getByTestId('gallery-count')).toHaveText(total);
  const lists = invokes.filter((i) => i.command === 'images.list');
  // The first page (asked before React mounted) is not asked a second time by the screen.
  expect(lists.filter((i) => i.input.offset === undefined)).toEqual([{ command: 'images.list', input: { projectId: 'gallery-e2e', limit: 120 } }]);
  expect(lists.filter((i) => i.input.offset === 120)).toHaveLength(1);
  // ...and it went out before React and the screens had even started (the boot mark).
  const order = await app.evaluate((bootMark) => ({
    list: performance.getEntriesByType('resource').find((e) => e.name.endsWith('/api/invoke'))!.startTime,
    boot: performance.getEntriesByName(bootMark)[0]!.startTime,
  }), BOOT_MARK);
  expect(order.list).toBeLessThanOrEqual(order.boot);

  // Newest first: the image without a thumbnail is the first cell; it is the only one asked for.
  const firstCell = app.locator(`[data-testid="gallery-cell"][data-image-id="${NO_THUMB_ID}"] img`);
  await expect(firstCell).toHaveAttribute('src', /\/thumbs\/[0-9a-f]{32}\.jpg/);
  const asked = invokes.filter((i) => i.command === 'images.thumbnails').flatMap((i) => i.input.ids as string[]);
  expect(asked).toEqual([NO_THUMB_ID]);
  const decoded = await app.evaluate(() =>
    Promise.all([...document.querySelectorAll<HTMLImageElement>('[data-testid="gallery-cell"] img')].slice(0, 12).map((i) => i.decode().then(() => i.naturalWidth))),
  );
  expect(decoded).toEqual(Array(12).fill(40));

  // To the queue (a screen loaded on demand) and back: the count never drops to the first page.
  await app.getByTestId('nav-queue').click();
  await expect(app.locator('#queue-title')).toBeVisible();
  // Every count the gallery shows from the click on, while its list refreshes behind; and how
  // many cells the grid holds when it enters the page (measured before the first paint: not 0).
  type Watch = { counts: Set<string>; cellsOnArrival: number | null };
  await app.evaluate(() => {
    const watch: Watch = { counts: new Set(), cellsOnArrival: null };
    (window as unknown as { watch: Watch }).watch = watch;
    setInterval(() => {
      const text = document.querySelector('[data-testid="gallery-count"]')?.textContent;
      if (text) watch.counts.add(text);
    }, 5);
    new MutationObserver((_, observer) => {
      const grid = document.querySelector('[data-testid="gallery-grid"]');
      if (!grid) return;
      watch.cellsOnArrival = grid.querySelectorAll('[data-testid="gallery-cell"]').length;
      observer.disconnect();
    }).observe(document.body, { childList: true, subtree: true });
  });
  await app.getByTestId('nav-gallery').click();
  await expect(app.getByTestId('gallery-count')).toHaveText(total);
  await app.waitForTimeout(1500);
  const watched = await app.evaluate(() => {
    const { counts, cellsOnArrival } = (window as unknown as { watch: Watch }).watch;
    return { counts: [...counts], cellsOnArrival };
  });
  expect(watched.counts).toEqual([total]);
  expect(watched.cellsOnArrival).toBeGreaterThanOrEqual(24);
  expect(invokes.filter((i) => i.command === 'images.list').length).toBeGreaterThan(lists.length);
});
