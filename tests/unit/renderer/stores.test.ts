// Store logic against a small in-memory bridge that answers like the contract does.
import { describe, expect, it } from 'vitest';
import type { CommandName, Job, PairlightBridge, Project } from '../../../renderer/src/bridge/types';
import { createGalleryStore, lineage, refreshImages, visibleImages, type GalleryImage } from '../../../renderer/src/stores/gallery';
import { createJobsStore, currentStepIndex, jobEta, sortJobs, withStepProgress } from '../../../renderer/src/stores/jobs';
import { createProjectsStore, filterProjects } from '../../../renderer/src/stores/projects';
import { createSessionStore, parseSeed, randomSeed } from '../../../renderer/src/stores/session';
import { createToastStore } from '../../../renderer/src/stores/toasts';

type Handler = (input: any) => unknown;

function fakeBridge(handlers: Partial<Record<CommandName, Handler>>): PairlightBridge {
  return {
    async invoke(command, input) {
      const handler = handlers[command];
      if (!handler) throw { code: 'UNKNOWN_COMMAND', message: `No ${command}` };
      return handler(input) as never;
    },
    on: () => () => {},
    mediaUrl: (p, r) => `media/${p}/${r}`,
  };
}

const noTimers = () => undefined;

function project(id: string, name: string, updatedAt: string, kind: Project['kind'] = 'couple'): Project {
  return { id, name, kind, createdAt: updatedAt, updatedAt, imageCount: 0, coverImageId: null, coverPath: null };
}

function job(id: string, status: Job['status'], steps: [string, Job['steps'][number]['status'], number][], createdAt = '2026-11-24T01:00:00.000Z'): Job {
  return {
    id,
    projectId: null,
    type: 'upscale',
    status,
    steps: steps.map(([name, s, progress]) => ({ name, status: s, progress })),
    progress: 0,
    message: '',
    error: null,
    attempts: 1,
    createdAt,
    updatedAt: createdAt,
  };
}

describe('projects store', () => {
  it('loads newest first, creates, renames and deletes through the bridge', async () => {
    const db = new Map<string, Project>([
      ['a', project('a', 'Older', '2026-01-01T00:00:00.000Z')],
      ['b', project('b', 'Newer', '2026-06-01T00:00:00.000Z')],
    ]);
    const bridge = fakeBridge({
      'projects.list': () => [...db.values()],
      'projects.create': ({ name, kind }) => {
        const p = project('c', name, '2026-11-24T00:00:00.000Z', kind);
        db.set('c', p);
        return p;
      },
      'projects.rename': ({ id, name }) => {
        const p = { ...db.get(id)!, name };
        db.set(id, p);
        return p;
      },
      'projects.delete': ({ id }) => {
        db.delete(id);
        return { id };
      },
    });
    const store = createProjectsStore(bridge, createToastStore(noTimers));
    await store.getState().load();
    expect(store.getState().projects.map((p) => p.name)).toEqual(['Newer', 'Older']);
    expect((await store.getState().create('Lea', 'baby'))?.kind).toBe('baby');
    expect(store.getState().projects[0].name).toBe('Lea');
    expect(await store.getState().rename('a', 'Renamed')).toBe(true);
    expect(store.getState().projects.find((p) => p.id === 'a')?.name).toBe('Renamed');
    expect(await store.getState().remove('b')).toBe(true);
    expect(store.getState().projects.map((p) => p.id).sort()).toEqual(['a', 'c']);
  });

  it('a refused command leaves the list as it was and shows the contract message as a toast', async () => {
    const toasts = createToastStore(noTimers);
    const bridge = fakeBridge({
      'projects.list': () => [project('a', 'Kept', '2026-01-01T00:00:00.000Z')],
      'projects.rename': () => {
        throw { code: 'NOT_FOUND', message: 'That project no longer exists.' };
      },
    });
    const store = createProjectsStore(bridge, toasts);
    await store.getState().load();
    expect(await store.getState().rename('a', 'New')).toBe(false);
    expect(store.getState().projects[0].name).toBe('Kept');
    expect(toasts.getState().toasts).toMatchObject([{ tone: 'error', code: 'NOT_FOUND', message: 'That project no longer exists.' }]);
  });

  it('an Electron-style rejection (Error with the data as JSON) gives the same toast', async () => {
    const toasts = createToastStore(noTimers);
    const bridge = fakeBridge({
      'projects.list': () => {
        throw new Error(`Error invoking remote method: ${JSON.stringify({ code: 'DISK', message: 'The disk is full.' })}`);
      },
    });
    await createProjectsStore(bridge, toasts).getState().load();
    expect(toasts.getState().toasts[0]).toMatchObject({ code: 'DISK', message: 'The disk is full.' });
  });

  it('search ignores case and accents and matches kinds', () => {
    const list = [project('a', 'Zoë & Anaïs', 'x'), project('b', 'Studio', 'x', 'client')];
    expect(filterProjects(list, 'zoe').map((p) => p.id)).toEqual(['a']);
    expect(filterProjects(list, 'ANAIS').map((p) => p.id)).toEqual(['a']);
    expect(filterProjects(list, 'client').map((p) => p.id)).toEqual(['b']);
    expect(filterProjects(list, '  ')).toHaveLength(2);
  });
});

describe('jobs store', () => {
  it('progress events move the step bars and give an ETA once there is signal', () => {
    const store = createJobsStore(fakeBridge({}), createToastStore(noTimers));
    store.getState().applyUpdate(job('j', 'running', [['decode', 'done', 1], ['tiles', 'running', 0], ['write', 'pending', 0]]));
    store.getState().applyProgress({ jobId: 'j', step: 'tiles', fraction: 0.1, message: 'tile 1 of 10' }, 0);
    expect(jobEta(store.getState().live.j)).toBeNull();
    store.getState().applyProgress({ jobId: 'j', step: 'tiles', fraction: 0.55, message: 'tile 6 of 10' }, 10_000);
    const j = store.getState().jobs[0];
    expect(j.steps.map((s) => s.progress)).toEqual([1, 0.55, 0]);
    expect(j.progress).toBeCloseTo((1 + 0.55) / 3, 9);
    expect(j.message).toBe('tile 6 of 10');
    // (0.55-0.1)/3 of the job in 10 s; (1 - 1.55/3) left.
    const rate = 0.45 / 3 / 10;
    expect(jobEta(store.getState().live.j)).toBeCloseTo((1 - 1.55 / 3) / rate, 6);
  });

  it('a later step reported marks the earlier ones done', () => {
    const updated = withStepProgress(job('j', 'running', [['a', 'running', 0.3], ['b', 'pending', 0]]), 'b', 0.2, '');
    expect(updated.steps.map((s) => s.status)).toEqual(['done', 'running']);
    expect(currentStepIndex(updated)).toBe(1);
  });

  it('cancel and retry replace the job with what Pairlight answers, and the estimate restarts', async () => {
    const bridge = fakeBridge({
      'jobs.cancel': ({ id }) => job(id, 'cancelled', [['a', 'cancelled', 0.5]]),
      'jobs.retry': ({ id }) => job(id, 'queued', [['a', 'pending', 0]]),
    });
    const store = createJobsStore(bridge, createToastStore(noTimers));
    store.getState().applyUpdate(job('j', 'running', [['a', 'running', 0]]));
    store.getState().applyProgress({ jobId: 'j', step: 'a', fraction: 0.5, message: '' }, 0);
    await store.getState().cancel('j');
    expect(store.getState().jobs[0].status).toBe('cancelled');
    expect(store.getState().live.j).toBeUndefined();
    await store.getState().retry('j');
    expect(store.getState().jobs[0].status).toBe('queued');
  });

  it('sorts running, waiting, failed, then history', () => {
    const order = sortJobs([
      job('done', 'done', []),
      job('failed', 'failed', []),
      job('queued', 'queued', []),
      job('running', 'running', []),
    ]).map((j) => j.id);
    expect(order).toEqual(['running', 'queued', 'failed', 'done']);
  });
});

describe('session store', () => {
  it('a new seed after each run unless "reuse seed" is on', () => {
    let n = 0;
    const store = createSessionStore(() => [0.25, 0.5, 0.75][n++ % 3]);
    const first = store.getState().seed;
    store.getState().advanceSeed();
    expect(store.getState().seed).not.toBe(first);
    store.getState().setReuseSeed(true);
    const kept = store.getState().seed;
    store.getState().advanceSeed();
    expect(store.getState().seed).toBe(kept);
  });

  it('rejected drafts cannot be selected', () => {
    const store = createSessionStore(() => 0.5);
    store.getState().setDrafts([
      { id: 'ok', url: 'a', seed: 1, identity: { A: 0.8, B: 0.7 }, rejected: null },
      { id: 'bad', url: 'b', seed: 2, identity: { A: 0.3, B: 0.7 }, rejected: 'Person A does not look like themselves (0.30 < 0.60).' },
    ]);
    store.getState().toggleDraft('bad');
    store.getState().toggleDraft('ok');
    expect(store.getState().selectedDrafts).toEqual(['ok']);
  });

  it('seed field accepts 32-bit unsigned whole numbers only', () => {
    expect(parseSeed(' 42 ')).toBe(42);
    expect(parseSeed('4294967295')).toBe(4294967295);
    expect(parseSeed('4294967296')).toBeNull();
    expect(parseSeed('-1')).toBeNull();
    expect(parseSeed('1e3')).toBeNull();
    expect(randomSeed(() => 0.999999999999)).toBeLessThanOrEqual(4294967295);
  });
});

describe('gallery store', () => {
  const image = (id: string, over: Partial<GalleryImage> = {}): GalleryImage => ({
    id,
    projectId: 'p',
    url: `${id}.png`,
    thumbUrl: `${id}.webp`,
    width: 1024,
    height: 1280,
    stage: 'draft',
    theme: 'golden-hour',
    rating: 0,
    favourite: false,
    people: ['Anna', 'Marc'],
    createdAt: `2026-11-24T00:00:${id.padStart(2, '0')}.000Z`,
    seed: 7,
    parentId: null,
    recipe: {},
    ...over,
  });

  it('filters by stage, rating, favourite, theme and person; sorts by rating', () => {
    const images = [
      image('1', { rating: 5 }),
      image('2', { stage: 'upscaled', parentId: '1', rating: 3, favourite: true }),
      image('3', { theme: 'studio', people: ['Anna'] }),
    ];
    const state = { images, sort: 'rating' as const, pendingDelete: [] };
    const ids = (f: Partial<Parameters<typeof visibleImages>[0]['filters']>) =>
      visibleImages({ ...state, filters: { stages: [], theme: null, minRating: 0, favouritesOnly: false, person: null, ...f } }).map((i) => i.id);
    expect(ids({})).toEqual(['1', '2', '3']);
    expect(ids({ minRating: 5 })).toEqual(['1']);
    expect(ids({ stages: ['upscaled'] })).toEqual(['2']);
    expect(ids({ favouritesOnly: true })).toEqual(['2']);
    expect(ids({ theme: 'studio' })).toEqual(['3']);
    expect(ids({ person: 'Marc' })).toEqual(['1', '2']);
    expect(lineage(images, '2').map((i) => i.id)).toEqual(['1', '2']);
  });

  it('delete hides at once, undo brings it back, otherwise it commits after the window', () => {
    const timers: (() => void)[] = [];
    const toasts = createToastStore(noTimers);
    const store = createGalleryStore(toasts, (fn) => timers.push(fn));
    store.getState().setImages([image('1'), image('2'), image('3')]);
    store.getState().open('2');
    const committed: string[] = [];

    store.getState().requestDelete('2', (id) => committed.push(id));
    expect(visibleImages(store.getState()).map((i) => i.id)).toEqual(['3', '1']);
    // The lightbox moves on to the next image instead of closing.
    expect(store.getState().openId).toBe('1');
    toasts.getState().toasts[0].action!.run();
    timers.shift()!();
    expect(committed).toEqual([]);
    expect(visibleImages(store.getState())).toHaveLength(3);

    store.getState().requestDelete('3', (id) => committed.push(id));
    timers.shift()!();
    expect(committed).toEqual(['3']);
    expect(store.getState().images.map((i) => i.id)).toEqual(['1', '2']);
  });

  it('ratings are clamped to 0..5', () => {
    const store = createGalleryStore(createToastStore(noTimers), noTimers);
    store.getState().setImages([image('1')]);
    store.getState().rate('1', 9);
    expect(store.getState().images[0].rating).toBe(5);
  });

  it('a refresh keeps unchanged rows as the same objects, replaces changed ones, adds new ones', () => {
    const held = [image('1'), image('2'), image('3')];
    const fresh = [image('1'), image('2', { rating: 4 }), image('4'), image('3', { people: ['Anna', 'Marc'] })];
    const out = refreshImages(held, fresh);
    expect(out.map((i) => i.id)).toEqual(['1', '2', '3', '4']);
    expect(out[0]).toBe(held[0]);
    expect(out[1]).toBe(fresh[1]);
    expect(out[2]).toBe(held[2]);
    // Nothing changed: the very array comes back, so the store's subscribers do not re-render.
    expect(refreshImages(out, [image('1'), image('4')])).toBe(out);
    expect(refreshImages(out, [image('1', { thumbUrl: 'made.jpg' })])[0]!.thumbUrl).toBe('made.jpg');
    // Listed rows carry no recipe facts (the lineage panel reads them): a row's own is not compared.
    expect(refreshImages(out, [image('1', { recipe: { seed: 2 } })])).toBe(out);
  });

  it('a first page laid over a held gallery keeps the rest until the whole list has arrived; then what is no longer listed goes', () => {
    const held = Array.from({ length: 6 }, (_, i) => image(String(i + 1)));
    const firstPage = refreshImages(held, [image('1'), image('2')]);
    expect(firstPage).toBe(held);
    const complete = new Set(['1', '2', '4', '6']);
    const last = refreshImages(firstPage, [image('4'), image('6')], complete);
    expect(last.map((i) => i.id)).toEqual(['1', '2', '4', '6']);
    expect(last[2]).toBe(held[3]);
  });
});
