// Fetches one URL into a partial file, resuming with HTTP Range after dropped connections.
// It only moves bytes: checksum, contract check and install are the caller's job.
// Retries are bounded and back off; nothing here polls or loops without a limit.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { finished } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { downloadCancelledError, ModelError } from './errors';
import { fileSize } from './files';

export interface TransferProgress {
  bytes: number;
  total: number | null;
  rate: number;
  phase: 'connecting' | 'receiving' | 'retrying';
  note?: string;
}

export interface TransferOptions {
  url: string;
  partPath: string;
  /** When known, a body longer than this is refused and a matching partial file counts as complete. */
  expectedBytes?: number | null;
  signal?: AbortSignal;
  onProgress?: (p: TransferProgress) => void;
  /** Consecutive failed attempts that brought no new bytes before giving up. */
  retries?: number;
  /** Hard cap on attempts of any kind, so a server that trickles and drops cannot keep us forever. */
  maxAttempts?: number;
  /** First retry delay; doubles each time up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A connection that sends nothing for this long is dropped and retried. */
  idleTimeoutMs?: number;
  maxRedirects?: number;
  /** Refuse bodies beyond this when the size is not known in advance. */
  maxBytes?: number;
}

export interface TransferResult {
  bytes: number;
  attempts: number;
  /** Times the file was started again from byte 0 because the server would not continue it. */
  restarts: number;
  /** Attempts that continued a partial file with a 206 answer. */
  resumes: number;
}

const DEFAULTS = {
  retries: 4,
  maxAttempts: 20,
  backoffMs: 500,
  maxBackoffMs: 8_000,
  idleTimeoutMs: 30_000,
  maxRedirects: 5,
  // 16 GiB: larger than any model we know of, small enough to stop a runaway body.
  maxBytes: 16 * 2 ** 30,
};

/** A failure worth another attempt (network, 5xx); anything else is thrown as a ModelError. */
class RetryableError extends Error {}

/** Refuses anything but http(s); used for the user's URL and every redirect target. */
export function parseDownloadUrl(raw: string, from?: string): URL {
  let url: URL;
  try {
    url = from === undefined ? new URL(raw) : new URL(raw, from);
  } catch {
    throw new ModelError('URL_NOT_ALLOWED', `"${raw}" is not a valid web address. Paste the full http:// or https:// link to the .onnx file.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const what = from === undefined ? 'The address' : `The server redirected to an address that`;
    throw new ModelError('URL_NOT_ALLOWED', `${what} uses ${url.protocol.replace(':', '')}, but Pairlight only downloads over http or https.`);
  }
  return url;
}

function request(url: URL, headers: Record<string, string>, signal: AbortSignal | undefined, idleTimeoutMs: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const lib = url.protocol === 'https:' ? https : http;
    const req = lib.get(url, { headers, signal }, resolve);
    req.setTimeout(idleTimeoutMs, () => req.destroy(new RetryableError(`no data from the server for ${Math.round(idleTimeoutMs / 1000)} s`)));
    req.on('error', reject);
  });
}

/** GET with manual redirects, so each hop is checked against the http(s)-only rule. */
async function open(url: URL, headers: Record<string, string>, opts: Required<Pick<TransferOptions, 'idleTimeoutMs' | 'maxRedirects'>>, signal?: AbortSignal): Promise<IncomingMessage> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const res = await request(current, headers, signal, opts.idleTimeoutMs);
    const status = res.statusCode ?? 0;
    if (status < 300 || status >= 400 || status === 304) return res;
    res.resume();
    const location = res.headers.location;
    if (!location) throw new ModelError('DOWNLOAD_HTTP', `The server answered ${status} without saying where the file moved. Check the address.`);
    if (hop >= opts.maxRedirects) throw new ModelError('DOWNLOAD_HTTP', `The server redirected more than ${opts.maxRedirects} times. Check the address.`);
    current = parseDownloadUrl(location, current.href);
  }
}

function parseContentRange(value: string | undefined): { start: number; total: number | null } | null {
  const m = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(value?.trim() ?? '');
  if (!m) return null;
  return { start: Number(m[1]), total: m[3] === '*' ? null : Number(m[3]) };
}

/** Bytes per second over a short sliding window, so the number follows the connection. */
class RateMeter {
  private samples: { t: number; bytes: number }[] = [];
  constructor(private readonly windowMs = 2_000) {}
  add(bytes: number): number {
    const t = performance.now();
    this.samples.push({ t, bytes });
    while (this.samples.length > 2 && t - this.samples[0].t > this.windowMs) this.samples.shift();
    const first = this.samples[0];
    const dt = (t - first.t) / 1000;
    return dt > 0 ? Math.max(0, (bytes - first.bytes) / dt) : 0;
  }
}

export async function downloadToPartFile(options: TransferOptions): Promise<TransferResult> {
  const opts = { ...DEFAULTS, ...options };
  const { signal, partPath } = opts;
  const expected = opts.expectedBytes ?? null;
  const url = parseDownloadUrl(opts.url);
  const meter = new RateMeter();
  let lastEmit = 0;
  const emit = (p: Omit<TransferProgress, 'rate'>, force = false) => {
    const rate = meter.add(p.bytes);
    const now = performance.now();
    // 100 ms: smooth enough for a progress bar without flooding IPC.
    if (!force && now - lastEmit < 100) return;
    lastEmit = now;
    opts.onProgress?.({ ...p, rate });
  };

  const result: TransferResult = { bytes: 0, attempts: 0, restarts: 0, resumes: 0 };
  let fruitless = 0;
  let lastFailure = '';
  for (;;) {
    if (signal?.aborted) throw downloadCancelledError();
    result.attempts++;
    const before = (await fileSize(partPath)) ?? 0;
    try {
      const done = await attempt(before);
      result.bytes = done;
      return result;
    } catch (err) {
      if (signal?.aborted) throw downloadCancelledError();
      if (!(err instanceof RetryableError) && !isNetworkError(err)) throw err;
      lastFailure = (err as Error).message;
      const after = (await fileSize(partPath)) ?? 0;
      fruitless = after > before ? 0 : fruitless + 1;
      if (fruitless > opts.retries || result.attempts >= opts.maxAttempts) {
        throw new ModelError(
          'DOWNLOAD_NETWORK',
          `The download failed after ${result.attempts} attempts (last: ${lastFailure}). What was received is kept; start the download again later to resume it.`,
          { attempts: result.attempts, bytes: after },
        );
      }
      const delay = Math.min(opts.maxBackoffMs, opts.backoffMs * 2 ** Math.max(0, fruitless - 1));
      emit({ bytes: after, total: expected, phase: 'retrying', note: lastFailure }, true);
      try {
        await sleep(delay, undefined, { signal });
      } catch {
        throw downloadCancelledError();
      }
    }
  }

  async function attempt(startSize: number): Promise<number> {
    let offset = startSize;
    if (expected !== null && offset > expected) {
      await fs.rm(partPath, { force: true });
      offset = 0;
    }
    if (expected !== null && offset === expected && offset > 0) return offset;
    emit({ bytes: offset, total: expected, phase: 'connecting' }, true);
    // identity: a Range over a compressed representation would not line up with the file's bytes.
    const headers: Record<string, string> = { 'accept-encoding': 'identity', 'user-agent': 'Pairlight model manager' };
    if (offset > 0) headers.range = `bytes=${offset}-`;
    const res = await open(url, headers, opts, signal);
    const status = res.statusCode ?? 0;
    let total: number | null;
    let append: boolean;
    if (status === 416 && offset > 0) {
      res.resume();
      const range = /^bytes \*\/(\d+)$/.exec(res.headers['content-range'] ?? '');
      if (range && Number(range[1]) === offset) return offset; // we already have every byte
      await fs.rm(partPath, { force: true });
      result.restarts++;
      throw new RetryableError('the server refused to continue the partial file; starting over');
    } else if (status === 200) {
      // A server that ignores Range sends the whole file: start over rather than append it.
      if (offset > 0) result.restarts++;
      offset = 0;
      append = false;
      const len = res.headers['content-length'];
      total = len !== undefined ? Number(len) : expected;
    } else if (status === 206) {
      const range = parseContentRange(res.headers['content-range']);
      if (!range || range.start !== offset) {
        res.destroy();
        await fs.rm(partPath, { force: true });
        result.restarts++;
        throw new RetryableError(`the server sent bytes from ${range ? range.start : 'an unknown position'} instead of ${offset}; starting over`);
      }
      result.resumes++;
      append = true;
      total = range.total ?? expected;
    } else if (status >= 500 || status === 408 || status === 429) {
      res.resume();
      throw new RetryableError(`the server answered ${status} ${res.statusMessage ?? ''}`.trim());
    } else {
      res.resume();
      throw new ModelError('DOWNLOAD_HTTP', `The server answered ${status} ${res.statusMessage ?? ''} for ${url.href}. Check the address and that the file is public.`.replace(/ {2}/g, ' '), {
        status,
      });
    }
    if (expected !== null && total !== null && total !== expected) {
      res.destroy();
      throw new ModelError('SIZE_MISMATCH', `The server says the file is ${total} bytes, but ${expected} bytes were expected. Check that the address and the size belong to the same model.`);
    }
    const limit = expected ?? total ?? opts.maxBytes;
    const written = await writeBody(res, partPath, append, offset, limit, signal, (bytes) => emit({ bytes, total, phase: 'receiving' }));
    if (total !== null && written < total) throw new RetryableError(`the connection closed after ${written} of ${total} bytes`);
    emit({ bytes: written, total: total ?? written, phase: 'receiving' }, true);
    return written;
  }
}

/**
 * How much received data may wait in memory for the disk before the response is paused.
 * Large on purpose: bytes parked inside a paused response are discarded if the connection
 * then drops, while bytes handed to the file stream are flushed and need not be fetched again.
 */
const WRITE_BUFFER_LIMIT = 64 * 2 ** 20;

/**
 * Appends the response body to the file. Unlike stream.pipeline, a failed response does not
 * destroy the file stream: every byte already received is flushed to disk first, so the next
 * attempt resumes after it instead of fetching it again.
 */
async function writeBody(res: IncomingMessage, file: string, append: boolean, offset: number, limit: number, signal: AbortSignal | undefined, onBytes: (bytes: number) => void): Promise<number> {
  const out = createWriteStream(file, { flags: append ? 'a' : 'w' });
  let written = offset;
  const failure = await new Promise<unknown>((resolve) => {
    const stop = () => res.destroy(new Error('cancelled'));
    const done = (err: unknown) => {
      signal?.removeEventListener('abort', stop);
      res.off('data', onData);
      resolve(err);
    };
    const onData = (chunk: Buffer) => {
      if (written + chunk.length > limit) {
        res.destroy();
        done(new ModelError('SIZE_MISMATCH', `The server sent more than the expected ${limit} bytes. Check that the address and the size belong to the same model.`));
        return;
      }
      written += chunk.length;
      if (!out.write(chunk) && out.writableLength > WRITE_BUFFER_LIMIT) {
        res.pause();
        out.once('drain', () => res.resume());
      }
      onBytes(written);
    };
    signal?.addEventListener('abort', stop, { once: true });
    res.on('data', onData);
    res.once('end', () => done(res.complete ? null : new Error('the response ended early')));
    res.once('error', done);
    res.once('close', () => done(res.complete ? null : new Error('the connection closed')));
    out.once('error', done);
    if (signal?.aborted) stop();
  });
  if (!res.complete) res.destroy();
  out.end();
  try {
    await finished(out);
  } catch (err) {
    throw new ModelError('DISK', `Could not write the download to ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}). Check that the disk has free space.`);
  }
  if (failure instanceof ModelError) throw failure;
  if (failure) throw new RetryableError(`the connection dropped after ${written} bytes (${(failure as Error).message})`);
  return written;
}

/** Socket-level failures (reset, refused, DNS) are worth retrying; programming errors are not. */
function isNetworkError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  return /^(ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ECONNABORTED|ERR_STREAM_PREMATURE_CLOSE|UND_ERR)/.test(code) || (err as Error)?.message === 'aborted';
}
