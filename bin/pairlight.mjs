#!/usr/bin/env node
// The `pairlight` command. Runs the TypeScript CLI (electron/cli/main.ts) through tsx, on a
// Node new enough for better-sqlite3 13 (N-API 10, Node >= 22): when started by an older
// system Node, it re-runs itself with the Node 24 that the `node` npm package installs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MIN_NODE_MAJOR = 22;
const self = fileURLToPath(import.meta.url);
const major = Number(process.versions.node.split('.')[0]);

if (major < MIN_NODE_MAJOR) {
  let bundled = null;
  try {
    bundled = join(dirname(createRequire(import.meta.url).resolve('node/package.json')), 'bin', 'node');
  } catch {
    bundled = null;
  }
  if (!bundled || !existsSync(bundled) || process.env.PAIRLIGHT_REEXEC === '1') {
    console.error(`Pairlight needs Node ${MIN_NODE_MAJOR} or newer (this is ${process.versions.node}). Run \`npm ci\` in the Pairlight folder, or install a newer Node.`);
    process.exit(1);
  }
  const result = spawnSync(bundled, [self, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, PAIRLIGHT_REEXEC: '1' } });
  process.exit(result.status ?? 1);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(dirname(self), '..', 'electron', 'cli', 'main.ts')).href);
}
