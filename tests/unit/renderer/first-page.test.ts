// The gallery's first page, asked for by the entry module before React loads and taken once by
// the gallery screen.
import { describe, expect, it } from 'vitest';
import { createFirstPage, FIRST_PAGE, FIRST_PAGE_MAX_AGE_MS } from '../../../renderer/src/screens/gallery/first-page';

function fakeBridge(answer: () => Promise<unknown[]> = () => Promise.resolve([])) {
  const calls: { command: string; input: unknown }[] = [];
  const bridge = {
    invoke: (command: string, input: unknown) => {
      calls.push({ command, input });
      return answer();
    },
  };
  return { bridge: bridge as never, calls };
}

describe('gallery first page', () => {
  it('asks once for the first page of the gallery in the URL, and hands that request over once', async () => {
    const rows = [{ id: 'a' }];
    const { bridge, calls } = fakeBridge(() => Promise.resolve(rows));
    const first = createFirstPage(bridge);
    first.start('p1');
    expect(calls).toEqual([{ command: 'images.list', input: { projectId: 'p1', limit: FIRST_PAGE } }]);
    const taken = first.take('p1');
    expect(taken).not.toBeNull();
    expect(await taken).toBe(rows);
    // A reload after a finished job must ask afresh, not reuse the boot-time answer.
    expect(first.take('p1')).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('every project: no projectId in the request', () => {
    const { bridge, calls } = fakeBridge();
    const first = createFirstPage(bridge);
    first.start(null);
    expect(calls[0]!.input).toEqual({ limit: FIRST_PAGE });
    expect(first.take('p1')).toBeNull();
  });

  it('is not taken for another gallery, or once it is old', () => {
    let now = 1000;
    const { bridge } = fakeBridge();
    const first = createFirstPage(bridge, () => now);
    first.start('p1');
    expect(first.take('p2')).toBeNull();
    first.start('p1');
    now += FIRST_PAGE_MAX_AGE_MS + 1;
    expect(first.take('p1')).toBeNull();
  });

  it('a failed request nobody takes raises no unhandled rejection; taken, it fails for the taker', async () => {
    const { bridge } = fakeBridge(() => Promise.reject(new Error('host down')));
    const first = createFirstPage(bridge);
    first.start('p1');
    first.start('p1');
    await expect(first.take('p1')).rejects.toThrow('host down');
  });
});
