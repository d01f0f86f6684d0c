// `pairlight upscale` end to end: writes the file atomically, and a cancel (in-process
// abort, and Ctrl-C on the real process) leaves no output file behind.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runUpscale } from '../../../electron/cli/commands/upscale';
import { buildX4fast, portraitCrop, tempDir } from './fixture';

const dir = tempDir();
const modelsDir = path.join(dir, 'models');
const input = path.join(dir, 'in.png');

beforeAll(async () => {
  fs.mkdirSync(path.join(modelsDir, 'onnx'), { recursive: true });
  await buildX4fast(path.join(modelsDir, 'onnx'));
  const img = await portraitCrop({ left: 1460, top: 210, width: 240, height: 192 }, { width: 120, height: 96 });
  await sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } }).png().toFile(input);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, ctx: { dataDir: dir, out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

const outFiles = (folder: string) => fs.readdirSync(folder).filter((f) => f !== 'in.png' && f !== 'models');

describe('pairlight upscale', () => {
  it('writes a ×4 image and reports each tile', async () => {
    const out = path.join(dir, 'run1', 'big.png');
    fs.mkdirSync(path.dirname(out));
    const c = capture();
    const code = await runUpscale([input, '--model', 'x4fast', '--out', out, '--models', modelsDir, '--tile', '48'], c.ctx);
    expect(code).toBe(0);
    const meta = await sharp(out).metadata();
    expect([meta.width, meta.height]).toEqual([480, 384]);
    // 120×96 in tiles of 48 stepping 32 (overlap 16): 4 columns × 3 rows.
    expect(c.out.filter((l) => l.startsWith('tile '))).toEqual(Array.from({ length: 13 }, (_, i) => `tile ${i}/12`));
    expect(fs.readdirSync(path.dirname(out))).toEqual(['big.png']);
  });

  it('cancelled mid-upscale: exit code 130 and no output or temp file', async () => {
    const folder = path.join(dir, 'run2');
    fs.mkdirSync(folder);
    const controller = new AbortController();
    const c = capture();
    const ctx = { ...c.ctx, out: (l: string) => (l === 'tile 2/12' ? controller.abort() : c.out.push(l)) };
    const code = await runUpscale([input, '--model', 'x4fast', '--out', path.join(folder, 'big.png'), '--models', modelsDir, '--tile', '48'], ctx, controller.signal);
    expect(code).toBe(130);
    expect(c.err.join('\n')).toMatch(/Cancelled.*No file was written/);
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('Ctrl-C on the real process stops it and leaves no output file', async () => {
    const folder = path.join(dir, 'run3');
    fs.mkdirSync(folder);
    const out = path.join(folder, 'big.png');
    // bin/pairlight.mjs is the installed entry; process.execPath is the project's Node 24.
    const child = spawn(process.execPath, ['bin/pairlight.mjs', 'upscale', input, '--model', 'x4fast', '--out', out, '--models', modelsDir, '--tile', '32'], {
      cwd: path.resolve('.'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('tile 2/') && !child.killed) child.kill('SIGINT');
    });
    const code = await exit;
    expect(stdout).toContain('tile 2/');
    expect(stdout).not.toMatch(/tile (\d+)\/\1\n/);
    expect(stderr).toMatch(/Cancelled/);
    expect(code).toBe(130);
    expect(fs.readdirSync(folder)).toEqual([]);
  }, 120_000);

  it('explains bad arguments and a missing model', async () => {
    const c = capture();
    expect(await runUpscale([input, '--out', path.join(dir, 'x.png')], c.ctx)).toBe(2);
    expect(c.err[0]).toMatch(/--model must be x4fast or x4plus/);
    expect(await runUpscale([input, '--model', 'x4fast', '--out', path.join(dir, 'x.gif')], c.ctx)).toBe(2);
    expect(c.err[1]).toMatch(/--out must end in/);
    expect(await runUpscale([input, '--model', 'x4plus', '--out', path.join(dir, 'x.png'), '--models', modelsDir], c.ctx)).toBe(1);
    expect(c.err[2]).toMatch(/x4plus model is not installed.*npm run models/);
    expect(outFiles(dir).filter((f) => f.startsWith('x.'))).toEqual([]);
  });
});
