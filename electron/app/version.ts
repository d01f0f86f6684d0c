import { readFileSync } from 'node:fs';

// Read once from package.json so the CLI, the host and the window all report the same version.
// The relative URL works from source (tsx) and from electron-vite's out/main bundle alike
// because both sit two folders below the package root.
let cached: string | null = null;

export function appVersion(): string {
  if (cached) return cached;
  for (const rel of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'pairlight' && pkg.version) return (cached = pkg.version);
    } catch {
      // try the next candidate
    }
  }
  return (cached = '0.0.0');
}
