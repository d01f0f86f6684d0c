// `pairlight couple` end to end on the sample couple: two runs give the same bytes, and every
// written file carries a recipe that says exactly how it was made.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCouple } from '../../../electron/cli/commands/couple';
import type { PortraitRecipe } from '../../../electron/app/pipeline';
import { appVersion } from '../../../electron/app/version';
import { loadCatalog } from '../../../models/catalog';
import { defaultModelsDir, modelSetFromFolder } from '../../../native/face';
import { readRecipe } from '../../../native/recipe/embed';
import { sampleA, sampleB } from './helpers';

const root = mkdtempSync(join(tmpdir(), 'pairlight-couple-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(out: string, extra: string[] = []): Promise<{ code: number; json: { images: { path: string; seed: number; theme: string; identity: { a: number; b: number }; rejected: boolean }[] } }> {
  const lines: string[] = [];
  const code = await runCouple(['--a', sampleA, '--b', sampleB, '--theme', 'studio-session', '--seeds', '2', '--seed', '77', '--out', out, '--json', ...extra], { dataDir: root, out: (l) => lines.push(l), err: () => {} });
  return { code, json: JSON.parse(lines.join('\n')) };
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('pairlight couple', () => {
  it('writes the same bytes on two runs, with identity scores per person', async () => {
    const first = await run(join(root, 'one'));
    const second = await run(join(root, 'two'));
    expect(first.code).toBe(0);
    expect(first.json.images.map((i) => [i.seed, i.theme])).toEqual([[77, 'studio-session'], [78, 'studio-session']]);
    for (const i of first.json.images) {
      // Two different real people, each composited from their own pixels: both should be clearly themselves.
      expect(i.identity.a).toBeGreaterThan(0.6);
      expect(i.identity.b).toBeGreaterThan(0.6);
      expect(i.rejected).toBe(false);
    }
    const names = readdirSync(join(root, 'one')).sort();
    expect(names).toEqual(['studio-session-77-draft.png', 'studio-session-78-draft.png']);
    expect(readdirSync(join(root, 'two')).sort()).toEqual(names);
    for (const n of names) expect(sha(join(root, 'two', n))).toBe(sha(join(root, 'one', n)));
    // Different seeds must give different pictures (otherwise "same bytes" proves nothing).
    expect(sha(join(root, 'one', names[0]))).not.toBe(sha(join(root, 'one', names[1])));
  });

  it('embeds a full recipe that reads back from the file', async () => {
    const file = join(root, 'one', 'studio-session-77-draft.png');
    const recipe = (await readRecipe(readFileSync(file))) as PortraitRecipe;
    const catalog = loadCatalog();
    expect(recipe).toMatchObject({ kind: 'pairlight-portrait', stage: 'draft', seed: 77, app: { name: 'pairlight', version: appVersion() } });
    expect(recipe.inputs).toEqual([
      { role: 'a', sha256: sha(sampleA), faceIndex: 0 },
      { role: 'b', sha256: sha(sampleB), faceIndex: 0 },
    ]);
    expect(recipe.theme.id).toBe('studio-session');
    expect(recipe.theme.resolved.canvas.shortSide).toBeGreaterThan(0);
    // The identity model in use (whatever face analysis picks) is recorded with its catalog hash.
    const embedId = modelSetFromFolder(defaultModelsDir()).models.embed!.id;
    const embed = recipe.models.find((m) => m.id === embedId);
    expect(embed?.sha256).toBe(catalog.models.find((m) => m.id === embedId)!.sha256);
    expect(recipe.refine.ran).toBe(false);
    expect(recipe.identity.scores).toHaveLength(2);
    expect(recipe.faces).toHaveLength(2);
    expect(recipe.draft.width * recipe.draft.height).toBeGreaterThan(0);
  });
});
