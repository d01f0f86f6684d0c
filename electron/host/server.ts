// The loopback browser host: the built renderer plus the contract over HTTP + WebSocket, on
// 127.0.0.1 only, behind a per-launch token.
//
// Authentication, per route:
//   POST /api/invoke        `Authorization: Bearer TOKEN` only (no cookie, so no cross-site
//                           request can ride on a browser's stored credentials)
//   GET  /api/events (WS)   ?token=TOKEN (browsers cannot set headers on WebSocket)
//   GET  /media/<p>/<path>  ?token=TOKEN or the session cookie (for <img src>)
//   GET  / and /index.html  ?token=TOKEN; the answer sets an HttpOnly SameSite=Strict cookie
//   GET  other static files the session cookie (so the page's own scripts and styles load)
// Anything else, or a wrong token, is 401 with an empty-of-data body. The Host header must
// name the loopback address and our port, which defeats DNS-rebinding pages.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { hostPaths, InvokeRequestSchema, PairlightError, type EventMessage } from '../contract';
import { invokeCommand } from '../app/dispatch';
import { mediaCacheControl } from '../app/media/cache-policy';
import { resolveMediaRequest } from '../app/media/path-guard';
import type { AppServices } from '../app/services';
import { statusForError } from './http-status';
import { resolveStaticFile, staticCacheControl } from './static-files';
import { newToken, tokenMatches } from './token';

export interface HostOptions {
  services: AppServices;
  /** The built renderer (renderer/dist). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';
const MAX_BODY_BYTES = 1_000_000;

function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    `connect-src 'self' ws://${LOOPBACK}:${port} ws://localhost:${port}`,
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice('Bearer '.length) : null;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function unauthorized(res: ServerResponse): void {
  sendJson(res, 401, { ok: false, error: new PairlightError('UNAUTHORIZED', 'Open Pairlight with the link printed when the host started (it carries the access token).').toJSON() });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new PairlightError('VALIDATION', 'The request is too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const { services, rendererDir } = options;
  const token = options.token ?? newToken();
  let port = 0;
  const cookieName = () => `pairlight_token_${port}`;

  const hostAllowed = (req: IncomingMessage) => req.headers.host === `${LOOPBACK}:${port}` || req.headers.host === `localhost:${port}`;

  async function handleInvoke(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, 'POST only');
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (error) {
      const failure = error instanceof PairlightError ? error : new PairlightError('VALIDATION', 'The request body is not JSON. Send {"command", "input"}.');
      return sendJson(res, 400, { ok: false, error: failure.toJSON() });
    }
    const request = InvokeRequestSchema.safeParse(body);
    if (!request.success) {
      return sendJson(res, 400, { ok: false, error: new PairlightError('VALIDATION', 'The request must be {"command": string, "input": object}.').toJSON() });
    }
    const reply = await invokeCommand(services, request.data.command, request.data.input);
    sendJson(res, reply.ok ? 200 : statusForError(reply.error.code), reply);
  }

  async function handleMedia(res: ServerResponse, rawPath: string): Promise<void> {
    const resolved = await resolveMediaRequest(services.layout.projects, rawPath);
    if (!resolved.ok) return send(res, resolved.status, resolved.status === 404 ? 'Not found' : 'Refused');
    res.writeHead(200, { 'content-type': resolved.contentType, 'cache-control': mediaCacheControl(rawPath) });
    createReadStream(resolved.file).on('error', () => res.destroy()).pipe(res);
  }

  async function handleIndex(res: ServerResponse): Promise<void> {
    let html: Buffer;
    try {
      html = await readFile(join(rendererDir, 'index.html'));
    } catch {
      return send(res, 503, 'The renderer is not built. Run `npm run build:renderer`, then start the host again.');
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': contentSecurityPolicy(port),
      'cache-control': 'no-store',
      'set-cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    });
    res.end(html);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cross-origin-resource-policy', 'same-origin');
    if (!hostAllowed(req)) return send(res, 403, 'Refused');
    const rawUrl = req.url ?? '/';
    const queryAt = rawUrl.indexOf('?');
    const rawPath = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
    const query = new URLSearchParams(queryAt < 0 ? '' : rawUrl.slice(queryAt + 1));
    const queryOk = tokenMatches(token, query.get('token'));
    const cookieOk = tokenMatches(token, cookieValue(req, cookieName()));

    if (rawPath === hostPaths.invoke) {
      if (!tokenMatches(token, bearer(req))) return unauthorized(res);
      return handleInvoke(req, res);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      if (!queryOk && !cookieOk) return unauthorized(res);
      return send(res, 405, 'GET only');
    }
    if (rawPath.startsWith(`${hostPaths.media}/`)) {
      if (!queryOk && !cookieOk) return unauthorized(res);
      return handleMedia(res, rawPath.slice(hostPaths.media.length + 1));
    }
    if (rawPath === '/' || rawPath === '/index.html') {
      if (!queryOk) return unauthorized(res);
      return handleIndex(res);
    }
    if (!queryOk && !cookieOk) return unauthorized(res);
    const file = await resolveStaticFile(rendererDir, rawPath);
    if (!file) return send(res, 404, 'Not found');
    res.writeHead(200, { 'content-type': file.contentType, 'cache-control': staticCacheControl(rawPath) });
    createReadStream(file.file).on('error', () => res.destroy()).pipe(res);
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error) => {
      console.error('Pairlight host: request failed:', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: new PairlightError('INTERNAL', 'The host failed to answer. Try again.').toJSON() });
      else res.destroy();
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  server.on('upgrade', (req, socket, head) => {
    const rawUrl = req.url ?? '';
    const queryAt = rawUrl.indexOf('?');
    const path = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
    const given = new URLSearchParams(queryAt < 0 ? '' : rawUrl.slice(queryAt + 1)).get('token');
    if (path !== hostPaths.events || !hostAllowed(req) || !tokenMatches(token, given)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws: WebSocket) => sockets.emit('connection', ws, req));
  });
  // Events flow one way; anything a client sends is ignored.
  const unsubscribe = services.events.subscribe((event, payload) => {
    const message = JSON.stringify({ event, payload } satisfies EventMessage);
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(message);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, LOOPBACK, () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    port,
    token,
    async close() {
      unsubscribe();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
