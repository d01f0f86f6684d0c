// The preload, with Electron replaced by a recorder: window.pairlight must expose the contract
// and nothing else, and refuse names outside it before anything reaches IPC.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { PairlightBridge } from '../../../electron/contract';

const exposed: Record<string, unknown> = {};
const sent: unknown[][] = [];
const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
let nextReply: unknown = { ok: true, result: [] };

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => (exposed[key] = value) },
  ipcRenderer: {
    invoke: async (...args: unknown[]) => (sent.push(args), nextReply),
    on: (channel: string, fn: (...args: unknown[]) => void) => listeners.set(channel, [...(listeners.get(channel) ?? []), fn]),
    removeListener: (channel: string, fn: (...args: unknown[]) => void) => listeners.set(channel, (listeners.get(channel) ?? []).filter((f) => f !== fn)),
  },
}));

let bridge: PairlightBridge;
beforeAll(async () => {
  await import('../../../electron/preload/index');
  bridge = exposed.pairlight as PairlightBridge;
});

describe('preload bridge', () => {
  it('exposes only window.pairlight with invoke, on and mediaUrl', () => {
    expect(Object.keys(exposed)).toEqual(['pairlight']);
    expect(Object.keys(bridge).sort()).toEqual(['invoke', 'mediaUrl', 'on']);
  });

  it('forwards contract commands over one channel and resolves with the result', async () => {
    nextReply = { ok: true, result: [{ id: 'p1' }] };
    await expect(bridge.invoke('projects.list', {})).resolves.toEqual([{ id: 'p1' }]);
    expect(sent.at(-1)).toEqual(['pairlight:invoke', 'projects.list', {}]);
  });

  it('rejects with a plain {code, message, details} for a failure', async () => {
    nextReply = { ok: false, error: { code: 'NOT_FOUND', message: 'gone' } };
    await expect(bridge.invoke('projects.get', { id: 'x' })).rejects.toEqual({ code: 'NOT_FOUND', message: 'gone' });
    // The details the main side sends (a theme error's field) reach the page too.
    nextReply = { ok: false, error: { code: 'VALIDATION', message: 'lens.aperture: Too small', details: { field: 'lens.aperture' } } };
    await expect(bridge.invoke('projects.get', { id: 'x' })).rejects.toEqual({ code: 'VALIDATION', message: 'lens.aperture: Too small', details: { field: 'lens.aperture' } });
  });

  it('refuses names outside the contract without touching IPC', async () => {
    const before = sent.length;
    for (const name of ['fs.readFile', '__proto__', 'toString']) {
      await expect(bridge.invoke(name as 'projects.list', {})).rejects.toMatchObject({ code: 'UNKNOWN_COMMAND' });
    }
    expect(sent.length).toBe(before);
    expect(() => bridge.on('anything' as 'job.updated', () => {})).toThrow();
  });

  it('delivers only the subscribed event, until unsubscribed', () => {
    const got: unknown[] = [];
    const off = bridge.on('projects.changed', (p) => got.push(p));
    const emit = (name: string, payload: unknown) => (listeners.get('pairlight:event') ?? []).forEach((fn) => fn({}, name, payload));
    emit('job.updated', { id: 'j' });
    emit('projects.changed', {});
    off();
    emit('projects.changed', {});
    expect(got).toEqual([{}]);
  });

  it('builds encoded media URLs on the custom scheme', () => {
    expect(bridge.mediaUrl('p1', 'outputs/draft 1.png')).toBe('pairlight-media://p1/outputs/draft%201.png');
  });
});
