// `pairlight analyze` and `pairlight similarity` end to end on real files, through the CliCommand
// objects (no subprocess): JSON shape, exit codes, and each bad input's own message.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import analyze from '../../../electron/cli/commands/analyze';
import similarity from '../../../electron/cli/commands/similarity';
import type { CliContext } from '../../../electron/cli/command';
import { SAMPLES_DIR } from '../../fixtures/face/photos';
import { modelsReady } from './models';

function ctx() {
  const out: string[] = [];
  const err: string[] = [];
  const c: CliContext = { dataDir: tmpdir(), out: (l) => out.push(l), err: (l) => err.push(l) };
  return { c, out, err };
}

const personA = path.join(SAMPLES_DIR, 'person-a.jpg');
const personB = path.join(SAMPLES_DIR, 'person-b.jpg');

describe('pairlight analyze / similarity: argument errors', () => {
  it('no files or an unknown option: exit 2 with usage', async () => {
    const a = ctx();
    expect(await analyze.run([], a.c)).toBe(2);
    expect(a.err[0]).toMatch(/Give at least one photo.*Usage: pairlight analyze/);
    const b = ctx();
    expect(await analyze.run(['--frobnicate', personA], b.c)).toBe(2);
    expect(b.err[0]).toMatch(/Unknown option --frobnicate/);
    const s = ctx();
    expect(await similarity.run([personA], s.c)).toBe(2);
    expect(s.err[0]).toMatch(/exactly two photos/);
  });
});

describe.skipIf(!modelsReady)('pairlight analyze / similarity on real photos', () => {
  it('analyze --json prints size, and per face box, score, 478 points, pose, advice and embedding length', async () => {
    const { c, out } = ctx();
    expect(await analyze.run([personA, '--json'], c)).toBe(0);
    const r = JSON.parse(out.join('\n'));
    expect([r.width, r.height]).toEqual([540, 660]);
    expect(r.faces).toHaveLength(1);
    const f = r.faces[0];
    expect(f.points).toHaveLength(478);
    expect(f.points[0]).toHaveLength(3);
    expect(Object.keys(f.pose).sort()).toEqual(['pitch', 'roll', 'yaw']);
    expect(f.quality).toEqual([]);
    expect(f.embeddingLength).toBeGreaterThan(100);
    expect(f.score).toBeGreaterThan(0.5);
  });

  it('bad files: each gets its own message, good files in the same call still print, exit 2', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pairlight-cli-'));
    const empty = path.join(dir, 'empty.jpg');
    const text = path.join(dir, 'notes.jpg');
    writeFileSync(empty, '');
    writeFileSync(text, 'not a photo at all, just some words\n'.repeat(10));
    const { c, out, err } = ctx();
    expect(await analyze.run([empty, text, personB, '--json'], c)).toBe(2);
    expect(err[0]).toMatch(/empty \(0 bytes\)/);
    expect(err[1]).toMatch(/not a photo Pairlight can read/);
    const r = JSON.parse(out.join('\n'));
    expect(r.map((x: { error?: { reason: string } }) => x.error?.reason ?? 'ok')).toEqual(['empty_file', 'not_an_image', 'ok']);
  });

  it('similarity of the two demo selfies is below the same-person threshold', async () => {
    const { c, out } = ctx();
    expect(await similarity.run([personA, personB, '--json'], c)).toBe(0);
    const r = JSON.parse(out[0]);
    expect(r.samePerson).toBe(false);
    expect(r.similarity).toBeLessThan(r.threshold);
  });
});
