// The README's main job (`npm run demo` = `pairlight demo --out ./out`), here with one theme to
// keep CI time down: drafts, the 2K upscale of the best, and the baby set land under --out.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';

describe('pairlight demo', () => {
  it('writes drafts, a 2K upscale and a baby set with report cards, and prints where', async () => {
    const out = mkdtempSync(join(tmpdir(), 'pl-demo-'));
    const lines: string[] = [];
    try {
      const code = await runCli(['demo', '--out', out, '--themes', 'studio-session', '--data-dir', join(out, 'library')], { out: (l) => lines.push(l), err: () => {} });
      expect(code, lines.join('\n')).toBe(0);
      const theme = readdirSync(join(out, 'studio-session'));
      expect(theme.filter((f) => f.endsWith('-draft.png'))).toHaveLength(4);
      expect(theme.filter((f) => f.includes('-2k-'))).toHaveLength(1);
      const baby = readdirSync(join(out, 'baby'));
      expect(baby.filter((f) => f.endsWith('-report.png'))).toHaveLength(2);
      expect(baby.filter((f) => !f.endsWith('-report.png'))).toHaveLength(2);
      // Every printed path exists: the user is told where the files are.
      const printed = lines.flatMap((l) => l.match(/\/\S+\.png/g) ?? []);
      expect(printed.length).toBeGreaterThanOrEqual(9);
      for (const p of printed) expect(existsSync(p), p).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 600_000);
});
