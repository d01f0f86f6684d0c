// Serves the built renderer. Same refusal rules as media: decoded segments only, no `..`,
// result must stay inside the build folder.
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { CACHE_FOR_GOOD } from '../app/media/cache-policy';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * What Vite names a build output: assets/<name>-<8-character base64url content hash>.<ext>. A
 * hash holds a capital or a digit (but for about 1 in 750), which a word such as "polyfill" in
 * `index-polyfill.js` does not; a hash without one is merely revalidated, as any other file.
 */
const HASHED_ASSET = /^\/assets\/[\w.-]+-(?=[\w-]{0,7}[A-Z\d])[\w-]{8}\.(?:js|css|map|svg|png|jpg|webp|woff2?)$/;

/**
 * A year and `immutable` for the build's content-hashed assets: a new build has new names, so a
 * reopened page takes the boot script from the cache (and Chromium its compiled code) without a
 * revalidation or a download. Anything else (the icon) is revalidated every time.
 */
export function staticCacheControl(urlPath: string): string {
  return HASHED_ASSET.test(urlPath) ? CACHE_FOR_GOOD : 'no-cache';
}

export async function resolveStaticFile(root: string, urlPath: string): Promise<{ file: string; contentType: string } | null> {
  const segments: string[] = [];
  for (const raw of urlPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  const base = resolve(root);
  const candidate = resolve(join(base, ...segments));
  if (!candidate.startsWith(base + sep)) return null;
  try {
    const real = await realpath(candidate);
    const realBase = await realpath(base);
    if (!real.startsWith(realBase + sep) || !(await stat(real)).isFile()) return null;
    return { file: real, contentType: TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
