// A media request as a web Response: what Electron's protocol.handle wants. Kept out of
// electron/main so it runs (and is tested) in plain Node.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { mediaCacheControl } from './cache-policy';
import { resolveMediaRequest } from './path-guard';

/** `url` is the full request URL, e.g. pairlight-media://<projectId>/outputs/draft-1.png. */
export async function mediaResponse(projectsRoot: string, scheme: string, url: string): Promise<Response> {
  const prefix = `${scheme}://`;
  if (!url.startsWith(prefix)) return new Response(null, { status: 400 });
  const rawPath = url.slice(prefix.length);
  const resolved = await resolveMediaRequest(projectsRoot, rawPath);
  if (!resolved.ok) return new Response(null, { status: resolved.status });
  const body = Readable.toWeb(createReadStream(resolved.file)) as ReadableStream<Uint8Array>;
  return new Response(body, {
    status: 200,
    headers: { 'content-type': resolved.contentType, 'x-content-type-options': 'nosniff', 'cache-control': mediaCacheControl(rawPath) },
  });
}
