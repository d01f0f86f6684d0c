// The browser host over real HTTP and WebSocket: authentication, validation at entry, events,
// media through the path guard.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createServices, startBackground, type AppServices } from '../../../electron/app/services';
import { startHost, type RunningHost } from '../../../electron/host/server';

let root: string;
let services: AppServices;
let host: RunningHost;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'pairlight-host-'));
  const rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Pairlight</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(rendererDir, 'assets', 'boot-D2x_k9Qa.js'), 'console.log("boot")');
  writeFileSync(join(rendererDir, 'assets', 'index-polyfill.js'), 'console.log("polyfill")');
  writeFileSync(join(root, 'secret.png'), 'outside');
  services = createServices({ dataDir: join(root, 'data') });
  await startBackground(services);
  host = await startHost({ services, rendererDir, port: 0 });
  base = `http://127.0.0.1:${host.port}`;
});
afterAll(async () => {
  await host.close();
  await services.close();
  rmSync(root, { recursive: true, force: true });
});

async function invoke(body: unknown, token: string | null = host.token) {
  const res = await fetch(`${base}/api/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; result?: any; error?: { code: string; message: string } } };
}

/**
 * Raw GET: the path goes out byte for byte (fetch would normalise `%2e%2e` away before
 * sending, hiding what an attacker's client can send) and the Host header can be chosen.
 */
function rawGet(path: string, hostHeader = `127.0.0.1:${host.port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, headers: { host: hostHeader } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('browser host', () => {
  it('prints its URL with the token, on 127.0.0.1', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(40);
  });

  it('answers 401 with no data without or with a wrong token, on every route', async () => {
    await invoke({ command: 'projects.create', input: { name: 'Private', kind: 'couple' } });
    const wrong = `${host.token.slice(0, -1)}${host.token.endsWith('A') ? 'B' : 'A'}`;
    for (const token of [null, '', wrong, 'x']) {
      const reply = await invoke({ command: 'projects.list', input: {} }, token);
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ ok: false, error: { code: 'UNAUTHORIZED', message: expect.any(String) } });
      expect(JSON.stringify(reply.body)).not.toContain('Private');
    }
    for (const path of ['/', '/index.html', `/?token=${wrong}`, '/assets/app.js', `/assets/app.js?token=${wrong}`, '/media/x/a.png', `/media/x/a.png?token=${wrong}`]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(401);
      expect(await res.text()).not.toContain('console.log');
    }
    // The token in a query string does not authorise an invoke: only the header does.
    const viaQuery = await fetch(`${base}/api/invoke?token=${host.token}`, { method: 'POST', body: JSON.stringify({ command: 'projects.list', input: {} }) });
    expect(viaQuery.status).toBe(401);
  });

  it('refuses WebSocket connections without the right token', async () => {
    for (const query of ['', '?token=wrong']) {
      const status = await new Promise<number>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events${query}`);
        ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        ws.on('open', () => resolve(101));
        ws.on('error', () => resolve(-1));
      });
      expect(status).toBe(401);
    }
  });

  it('refuses requests whose Host is not the loopback address (DNS rebinding)', async () => {
    expect((await rawGet(`/?token=${host.token}`, `evil.example:${host.port}`)).status).toBe(403);
    expect((await rawGet(`/?token=${host.token}`)).status).toBe(200);
  });

  it('serves index.html with a CSP and a cookie that then lets the page load its assets', async () => {
    const index = await fetch(`${base}/?token=${host.token}`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const cookie = index.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const asset = await fetch(`${base}/assets/app.js`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(asset.status).toBe(200);
    expect(await asset.text()).toContain('console.log');
    const escape = await rawGet(`/assets/%2e%2e/%2e%2e/secret.png?token=${host.token}`);
    expect(escape.status).toBe(404);
    expect(escape.body).not.toContain('outside');
  });

  it('lets the browser keep content-hashed build assets for good, and revalidate everything else', async () => {
    const cookie = (await fetch(`${base}/?token=${host.token}`)).headers.get('set-cookie')!.split(';')[0]!;
    const hashed = await fetch(`${base}/assets/boot-D2x_k9Qa.js`, { headers: { cookie } });
    expect(hashed.status).toBe(200);
    expect(hashed.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
    const plain = await fetch(`${base}/assets/app.js`, { headers: { cookie } });
    expect(plain.headers.get('cache-control')).toBe('no-cache');
    // A name that ends in an eight-letter word is not content-hashed: revalidated like any other.
    const unhashed = await fetch(`${base}/assets/index-polyfill.js`, { headers: { cookie } });
    expect(unhashed.status).toBe(200);
    expect(unhashed.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${base}/?token=${host.token}`)).headers.get('cache-control')).toBe('no-store');
    // Still behind the token: a cacheable name is no way around it.
    expect((await fetch(`${base}/assets/boot-D2x_k9Qa.js`)).status).toBe(401);
  });

  it('refuses an invalid payload with VALIDATION and changes nothing', async () => {
    const before = await invoke({ command: 'projects.list', input: {} });
    for (const body of [
      { command: 'projects.create', input: { name: '', kind: 'couple' } },
      { command: 'projects.create', input: { name: 'x', kind: 'wedding' } },
      { command: 'projects.rename', input: { id: before.body.result[0].id, name: 42 } },
      { command: 'projects.delete', input: {} },
      { command: 'settings.set', input: { threads: 'many' } },
      { input: {} },
      'not json',
    ]) {
      const reply = await invoke(body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.error?.code).toBe('VALIDATION');
    }
    expect((await invoke({ command: 'nope.nothing', input: {} })).body.error?.code).toBe('UNKNOWN_COMMAND');
    const after = await invoke({ command: 'projects.list', input: {} });
    expect(after.body).toEqual(before.body);
    expect((await invoke({ command: 'settings.get', input: {} })).body.result.threads).toBe(0);
  });

  it('pushes contract events over the WebSocket', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/events?token=${host.token}`);
    await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
    const received = new Promise<{ event: string; payload: unknown }>((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
    await invoke({ command: 'projects.create', input: { name: 'Evented', kind: 'baby' } });
    expect(await received).toEqual({ event: 'projects.changed', payload: {} });
    ws.close();
  });

  it('serves a project image through the path guard and refuses traversal', async () => {
    const created = await invoke({ command: 'projects.create', input: { name: 'Media', kind: 'couple' } });
    const id = created.body.result.id as string;
    writeFileSync(join(services.folders.pathOf(id), 'outputs', 'draft 1.png'), 'png-bytes');
    const ok = await fetch(`${base}/media/${id}/outputs/draft%201.png?token=${host.token}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(await ok.text()).toBe('png-bytes');
    for (const path of [`${id}/%2e%2e/%2e%2e/%2e%2e/secret.png`, `${id}/..%2f..%2f..%2fsecret.png`, `${id}//${join(root, 'secret.png').slice(1)}`]) {
      const res = await rawGet(`/media/${path}?token=${host.token}`);
      expect(res.status, path).toBe(403);
      expect(res.body).not.toContain('outside');
    }
  });
});
