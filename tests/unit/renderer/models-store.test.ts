// The Models panel's store against an in-memory bridge whose events the test fires by hand.
import { describe, expect, it } from 'vitest';
import type { CommandName, EventName, EventPayload, ModelListItem, PairlightBridge } from '../../../renderer/src/bridge/types';
import { createModelsStore } from '../../../renderer/src/stores/models';
import { createToastStore } from '../../../renderer/src/stores/toasts';

type Handler = (input: any) => unknown;

function eventfulBridge(handlers: Partial<Record<CommandName, Handler>>) {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: { command: CommandName; input: unknown }[] = [];
  const bridge: PairlightBridge = {
    async invoke(command, input) {
      calls.push({ command, input });
      const handler = handlers[command];
      if (!handler) throw { code: 'UNKNOWN_COMMAND', message: `No ${command}` };
      return handler(input) as never;
    },
    on(event, cb) {
      const set = listeners.get(event) ?? new Set();
      set.add(cb as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(cb as (payload: unknown) => void);
    },
    mediaUrl: (p, r) => `media/${p}/${r}`,
  };
  const fire = <E extends EventName>(event: E, payload: EventPayload<E>) => listeners.get(event)?.forEach((cb) => cb(payload));
  return { bridge, fire, calls, listeners };
}

function model(id: string, status: ModelListItem['status'], extra: Partial<ModelListItem> = {}): ModelListItem {
  return { id, title: id, task: 'upscale', status, source: 'downloaded', licence: 'MIT', sha256: 'a'.repeat(64), bytes: 100, verifiedMaxError: null, testOnly: false, ...extra };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('models store', () => {
  it('keeps live progress of running downloads and drops it once they stop', async () => {
    let list = [model('web', 'downloading')];
    const { bridge, fire } = eventfulBridge({ 'models.list': () => list });
    const toasts = createToastStore(() => undefined);
    const store = createModelsStore(bridge, toasts);
    const stop = store.getState().watch();
    await store.getState().load();

    fire('models.progress', { id: 'web', bytes: 40, total: 100, rate: 10, phase: 'receiving' });
    expect(store.getState().progress.web).toMatchObject({ bytes: 40, phase: 'receiving' });

    list = [model('web', 'installed')];
    fire('models.changed', {});
    await settle();
    expect(store.getState().models[0]!.status).toBe('installed');
    expect(store.getState().progress).toEqual({});
    expect(toasts.getState().toasts).toEqual([]);
    stop();
  });

  it('toasts a failed download with its code, but not a cancelled one', async () => {
    const { bridge, fire } = eventfulBridge({ 'models.list': () => [] });
    const toasts = createToastStore(() => undefined);
    const store = createModelsStore(bridge, toasts);
    const stop = store.getState().watch();

    fire('models.changed', { id: 'slow', error: { code: 'CANCELLED', message: 'The download was cancelled.' } });
    expect(toasts.getState().toasts).toEqual([]);
    fire('models.changed', { id: 'bad', error: { code: 'MODEL_INVALID', message: 'sha256 expected x got y' } });
    expect(toasts.getState().toasts).toMatchObject([{ tone: 'error', code: 'MODEL_INVALID', message: 'sha256 expected x got y' }]);

    stop();
    fire('models.changed', { id: 'later', error: { code: 'NETWORK', message: 'gone' } });
    expect(toasts.getState().toasts).toHaveLength(1);
  });

  it('sends only the filled-in fields of an import and reports a refusal as a toast', async () => {
    const { bridge, calls } = eventfulBridge({
      'models.list': () => [],
      'models.import': () => {
        throw { code: 'MODEL_INVALID', message: 'pairlight.diffusion.version is missing' };
      },
    });
    const toasts = createToastStore(() => undefined);
    const store = createModelsStore(bridge, toasts);
    expect(await store.getState().importModel({ path: '/tmp/unet.onnx', task: 'diffusion' })).toBeNull();
    expect(calls.find((c) => c.command === 'models.import')?.input).toEqual({ path: '/tmp/unet.onnx', task: 'diffusion' });
    expect(toasts.getState().toasts[0]).toMatchObject({ code: 'MODEL_INVALID' });
    expect(store.getState().adding).toBe(false);
  });

  it('cancels with discard only when asked, and reloads the list after each action', async () => {
    const { bridge, calls } = eventfulBridge({ 'models.list': () => [], 'models.cancelDownload': ({ id }) => ({ id }), 'models.remove': ({ id }) => ({ id }) });
    const store = createModelsStore(bridge, createToastStore(() => undefined));
    await store.getState().cancel('a');
    await store.getState().cancel('b', true);
    await store.getState().remove('c');
    expect(calls.map((c) => [c.command, c.input])).toEqual([
      ['models.cancelDownload', { id: 'a' }],
      ['models.list', {}],
      ['models.cancelDownload', { id: 'b', discard: true }],
      ['models.list', {}],
      ['models.remove', { id: 'c' }],
      ['models.list', {}],
    ]);
    expect(store.getState().busy).toEqual({});
  });
});
