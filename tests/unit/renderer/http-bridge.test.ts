import { describe, expect, it, vi } from 'vitest';
import { createHttpBridge, tokenFromLocation } from '../../../renderer/src/bridge/http';
import { toUserError } from '../../../renderer/src/bridge/errors';

class FakeSocket {
  static opened: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }
}

const job = {
  id: 'j1', projectId: null, type: 'upscale', status: 'running', steps: [], progress: 0.5, message: '',
  error: null, attempts: 1, createdAt: '2026-11-24T00:00:00.000Z', updatedAt: '2026-11-24T00:00:00.000Z',
};

describe('HTTP bridge', () => {
  it('posts {command, input} with the bearer token and returns the result', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, result: [] })));
    const bridge = createHttpBridge({ origin: 'http://127.0.0.1:9', token: 'T', fetch });
    await expect(bridge.invoke('projects.list', {})).resolves.toEqual([]);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:9/api/invoke');
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer T');
    expect(JSON.parse(init.body as string)).toEqual({ command: 'projects.list', input: {} });
  });

  it('rejects with the contract error, readable as code + message', async () => {
    const fetch = async () => new Response(JSON.stringify({ ok: false, error: { code: 'VALIDATION', message: 'Give the project a name.' } }), { status: 400 });
    const bridge = createHttpBridge({ origin: 'http://h', token: 'T', fetch });
    const error = await bridge.invoke('projects.create', { name: '', kind: 'couple' }).catch((e: unknown) => e);
    expect(toUserError(error)).toEqual({ code: 'VALIDATION', message: 'Give the project a name.' });
  });

  it('keeps the field a contract error names in its details, so a form can mark it', async () => {
    const message = 'lens.aperture: Too small: expected number to be >=0.95. Fix that value and save again.';
    const fetch = async () => new Response(JSON.stringify({ ok: false, error: { code: 'VALIDATION', message, details: { field: 'lens.aperture' } } }), { status: 400 });
    const bridge = createHttpBridge({ origin: 'http://h', token: 'T', fetch });
    const error = await bridge.invoke('themes.save', { theme: {} }).catch((e: unknown) => e);
    expect(toUserError(error)).toStrictEqual({ code: 'VALIDATION', message, field: 'lens.aperture' });
    // The same from a plain contract error (a preload's rejection) or one embedded in an Error's message.
    expect(toUserError({ code: 'CONFLICT', message: 'Built in.', details: { field: 'id' } })).toStrictEqual({ code: 'CONFLICT', message: 'Built in.', field: 'id' });
    expect(toUserError(new Error(JSON.stringify({ code: 'VALIDATION', message: 'm', details: { field: 'x[0]' } })))).toStrictEqual({ code: 'VALIDATION', message: 'm', field: 'x[0]' });
    // No field, or an empty one (an unreadable file): none.
    expect(toUserError({ code: 'VALIDATION', message: 'm', details: { field: '' } })).toStrictEqual({ code: 'VALIDATION', message: 'm' });
    expect(toUserError({ code: 'VALIDATION', message: 'm', details: 'text' })).toStrictEqual({ code: 'VALIDATION', message: 'm' });
  });

  it('a host that is gone gives a message about the host, not a stack trace', async () => {
    const bridge = createHttpBridge({ origin: 'http://h', token: 'T', fetch: async () => Promise.reject(new TypeError('fetch failed')) });
    const error = await bridge.invoke('app.info', {}).catch((e: unknown) => e);
    expect(toUserError(error).code).toBe('HOST_UNREACHABLE');
  });

  it('one socket for all listeners; only well-formed events of known names reach them; reconnects after a drop', async () => {
    vi.useFakeTimers();
    FakeSocket.opened = [];
    const bridge = createHttpBridge({
      origin: 'http://127.0.0.1:9',
      token: 'a b',
      createSocket: (url) => new FakeSocket(url) as unknown as WebSocket,
      reconnectDelayMs: { first: 100, max: 400 },
    });
    const updates: unknown[] = [];
    const off = bridge.on('job.updated', (j) => updates.push(j));
    bridge.on('projects.changed', () => undefined);
    expect(FakeSocket.opened).toHaveLength(1);
    expect(FakeSocket.opened[0].url).toBe('ws://127.0.0.1:9/api/events?token=a%20b');

    const socket = FakeSocket.opened[0];
    socket.onmessage?.({ data: JSON.stringify({ event: 'job.updated', payload: job }) });
    socket.onmessage?.({ data: JSON.stringify({ event: 'job.updated', payload: { id: 'broken' } }) });
    socket.onmessage?.({ data: JSON.stringify({ event: 'not.an.event', payload: {} }) });
    socket.onmessage?.({ data: 'not json' });
    expect(updates).toEqual([job]);

    socket.onclose?.();
    vi.advanceTimersByTime(100);
    expect(FakeSocket.opened).toHaveLength(2);
    FakeSocket.opened[1].onmessage?.({ data: JSON.stringify({ event: 'job.updated', payload: job }) });
    expect(updates).toHaveLength(2);

    off();
    FakeSocket.opened[1].onmessage?.({ data: JSON.stringify({ event: 'job.updated', payload: job }) });
    expect(updates).toHaveLength(2);
    vi.useRealTimers();
  });

  it('media URLs encode each path segment and carry the token', () => {
    const bridge = createHttpBridge({ origin: 'http://h', token: 't/k', fetch: async () => new Response('') });
    expect(bridge.mediaUrl('p 1', 'outputs/a b.png')).toBe('http://h/media/p%201/outputs/a%20b.png?token=t%2Fk');
    expect(tokenFromLocation('?token=abc&x=1')).toBe('abc');
    expect(tokenFromLocation('')).toBeNull();
  });
});
