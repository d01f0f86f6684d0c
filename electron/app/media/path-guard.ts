// The one gate between a media URL and the disk, shared by Electron's pairlight-media://
// protocol and the browser host's /media route. A request names a project and a path inside
// its folder; anything that could reach outside that folder is refused before and after
// resolving symlinks.
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, resolve, sep } from 'node:path';

export type MediaResolution =
  | { ok: true; file: string; contentType: string }
  | { ok: false; status: 400 | 403 | 404; reason: string };

// Only what the renderer shows: images for <img>, and face meshes (`*.mesh.json`, the 478
// points the overlay draws). Other files in project folders (embeddings, recipes, the
// database's neighbours) have no business leaving through a URL.
const MESH_SUFFIX = '.mesh.json';

function contentTypeFor(name: string): string | undefined {
  if (name.toLowerCase().endsWith(MESH_SUFFIX)) return 'application/json';
  return CONTENT_TYPES[extname(name).toLowerCase()];
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
};

const PROJECT_ID = /^[A-Za-z0-9_-]{1,64}$/;

function refuse(status: 400 | 403 | 404, reason: string): MediaResolution {
  return { ok: false, status, reason };
}

function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/**
 * Splits and checks a raw (still percent-encoded) request path of the form
 * `<projectId>/<segment>/…/<file>`. Returns the decoded segments or why they are refused.
 * Pure: no file-system access.
 */
export function parseMediaPath(rawPath: string): { projectId: string; segments: string[] } | { refused: string } {
  const withoutQuery = rawPath.split(/[?#]/, 1)[0] ?? '';
  if (withoutQuery.includes('\\')) return { refused: 'backslash in path' };
  const rawSegments = withoutQuery.split('/');
  const [rawProject, ...rest] = rawSegments;
  if (rawProject === undefined || rawProject === '') return { refused: 'absolute or empty path' };
  const projectId = decodeSegment(rawProject);
  if (projectId === null || !PROJECT_ID.test(projectId)) return { refused: 'bad project id' };
  if (rest.length === 0) return { refused: 'no file named' };
  const segments: string[] = [];
  for (const raw of rest) {
    const segment = decodeSegment(raw);
    if (segment === null) return { refused: 'bad percent-encoding' };
    // An empty segment means `//`, which could turn the rest into an absolute path.
    if (segment === '' || segment === '.' || segment === '..') return { refused: 'relative or empty segment' };
    if (/[/\\\0:]/.test(segment)) return { refused: 'separator, colon or NUL inside a segment' };
    if (isAbsolute(segment)) return { refused: 'absolute segment' };
    segments.push(segment);
  }
  return { projectId, segments };
}

function inside(dir: string, file: string): boolean {
  return file.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/**
 * Maps a media request to a file inside `<projectsRoot>/<projectId>/`, or refuses it.
 * `rawPath` is the part after the scheme or `/media/`, still percent-encoded.
 */
export async function resolveMediaRequest(projectsRoot: string, rawPath: string): Promise<MediaResolution> {
  const parsed = parseMediaPath(rawPath);
  if ('refused' in parsed) return refuse(403, parsed.refused);
  const contentType = contentTypeFor(parsed.segments[parsed.segments.length - 1]!);
  if (!contentType) return refuse(403, 'not a file type the app shows');

  const projectDir = resolve(projectsRoot, parsed.projectId);
  const candidate = resolve(join(projectDir, ...parsed.segments));
  if (!inside(projectDir, candidate)) return refuse(403, 'outside the project folder');

  // Symlinks (of the file or any folder on the way) are resolved and the result checked again.
  let realDir: string;
  let realFile: string;
  try {
    realDir = await realpath(projectDir);
    realFile = await realpath(candidate);
  } catch {
    return refuse(404, 'no such file');
  }
  if (!inside(realDir, realFile)) return refuse(403, 'symlink leaves the project folder');
  try {
    if (!(await stat(realFile)).isFile()) return refuse(404, 'not a file');
  } catch {
    return refuse(404, 'no such file');
  }
  return { ok: true, file: realFile, contentType };
}
