import { describe, expect, it } from 'vitest';
import { createThumbnailLoader, THUMBNAIL_BATCH } from '../../../renderer/src/lib/thumbnail-loader';

const media = (projectId: string, relPath: string) => `/media/${projectId}/${relPath}`;

function harness(answer: (ids: string[]) => { id: string; relPath: string | null }[] | Promise<never>) {
  const calls: string[][] = [];
  const pending: (() => void)[] = [];
  const loader = createThumbnailLoader(
    (ids) => {
      calls.push(ids);
      const result = answer(ids);
      return result instanceof Promise ? result : Promise.resolve(result);
    },
    media,
    (fn) => pending.push(fn),
  );
  const tick = async () => {
    pending.splice(0).forEach((fn) => fn());
    await new Promise((r) => setTimeout(r, 0));
  };
  return { loader, calls, tick };
}

describe('thumbnail loader', () => {
  it('cells that mount together share one call, and answers are remembered', async () => {
    const { loader, calls, tick } = harness((ids) => ids.map((id) => ({ id, relPath: id === 'gone' ? null : `thumbs/${id}.jpg` })));
    const got: Record<string, string | null> = {};
    for (const id of ['a', 'b', 'gone']) loader.request({ id, projectId: 'p' }, (url) => (got[id] = url));
    loader.request({ id: 'a', projectId: 'p' }, () => undefined);
    await tick();
    expect(calls).toEqual([['a', 'b', 'gone']]);
    expect(got).toEqual({ a: '/media/p/thumbs/a.jpg', b: '/media/p/thumbs/b.jpg', gone: null });
    expect(loader.peek('a')).toBe('/media/p/thumbs/a.jpg');
    let again: string | null = null;
    loader.request({ id: 'a', projectId: 'p' }, (url) => (again = url));
    await tick();
    expect(again).toBe('/media/p/thumbs/a.jpg');
    expect(calls).toHaveLength(1);
  });

  it('splits large screens into batches the contract accepts', async () => {
    const { loader, calls, tick } = harness((ids) => ids.map((id) => ({ id, relPath: 't.jpg' })));
    for (let i = 0; i < THUMBNAIL_BATCH + 5; i++) loader.request({ id: `i${i}`, projectId: 'p' }, () => undefined);
    await tick();
    expect(calls.map((c) => c.length)).toEqual([THUMBNAIL_BATCH, 5]);
  });

  it('an unsubscribed cell is not called; a failed call is asked again next time', async () => {
    let fail = true;
    const { loader, calls, tick } = harness((ids) => (fail ? Promise.reject(new Error('host down')) : ids.map((id) => ({ id, relPath: 'x.jpg' }))));
    let called = false;
    const stop = loader.request({ id: 'a', projectId: 'p' }, () => (called = true));
    stop();
    await tick();
    expect(called).toBe(false);
    expect(loader.peek('a')).toBeUndefined();
    fail = false;
    let url: string | null = null;
    loader.request({ id: 'a', projectId: 'p' }, (u) => (url = u));
    await tick();
    expect(calls).toHaveLength(2);
    expect(url).toBe('/media/p/x.jpg');
  });
});
