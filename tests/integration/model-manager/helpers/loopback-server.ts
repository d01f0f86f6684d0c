// A throwaway HTTP server on 127.0.0.1 for download tests. It records every request and
// closes itself after `lifetimeMs` even if a test forgets to, so no test can leave it running.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  path: string;
  range: string | undefined;
}

export interface LoopbackServer {
  url(path?: string): string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, index: number) => void | Promise<void>;

export async function startLoopbackServer(handler: Handler, lifetimeMs = 60_000): Promise<LoopbackServer> {
  const requests: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    const index = requests.length;
    requests.push({ path: req.url ?? '/', range: req.headers.range });
    Promise.resolve(handler(req, res, index)).catch((err) => res.destroy(err as Error));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | null = null;
  const close = () => {
    closed ??= new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
    return closed;
  };
  setTimeout(() => void close(), lifetimeMs).unref();
  return { url: (p = '/model.onnx') => `http://127.0.0.1:${port}${p}`, requests, close };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends body[from..to) in `chunks` pieces with a pause between them, so the client sees
 * a transfer in progress (progress events, a moment to cancel). Stops if the client left.
 */
export async function trickle(res: ServerResponse, body: Uint8Array, from: number, to: number, chunks: number, delayMs: number): Promise<void> {
  const step = Math.max(1, Math.ceil((to - from) / chunks));
  for (let at = from; at < to; at += step) {
    if (res.destroyed) return;
    res.write(body.subarray(at, Math.min(to, at + step)));
    await pause(delayMs);
  }
}

/** Answers a request like a well-behaved static file server, Range included. */
export async function serveWithRange(req: IncomingMessage, res: ServerResponse, body: Uint8Array, opts: { chunks?: number; delayMs?: number } = {}): Promise<void> {
  const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  const start = m ? Number(m[1]) : 0;
  if (m && start >= body.length) {
    res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
    return;
  }
  if (m) {
    res.writeHead(206, { 'content-length': body.length - start, 'content-range': `bytes ${start}-${body.length - 1}/${body.length}`, 'accept-ranges': 'bytes' });
  } else {
    res.writeHead(200, { 'content-length': body.length, 'accept-ranges': 'bytes' });
  }
  await trickle(res, body, start, body.length, opts.chunks ?? 1, opts.delayMs ?? 0);
  res.end();
}

/** Sends the headers of the whole file and the first `upTo` bytes, then cuts the connection. */
export async function serveThenDrop(res: ServerResponse, body: Uint8Array, upTo: number): Promise<void> {
  res.writeHead(200, { 'content-length': body.length });
  await new Promise<void>((resolve) => res.write(body.subarray(0, upTo), () => resolve()));
  // end() (FIN), not destroy() (RST): a reset may discard bytes the client has not read yet,
  // which would make "half way" vary from run to run. The client still sees a body cut short.
  res.socket?.end();
}
