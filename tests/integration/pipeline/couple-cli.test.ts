// `pairlight couple` end to end on the sample couple: two runs give the same bytes, and every
// written file carries a recipe that says exactly how it was made.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCouple } from '../../../electron/cli/commands/couple';
import type { PortraitRecipe } from '../../../electron/app/pipeline';
import { userThemesDir } from '../../../electron/app/pipeline/theme';
import { appVersion } from '../../../electron/app/version';
import { loadCatalog } from '../../../models/catalog';
import { defaultModelsDir, modelSetFromFolder } from '../../../native/face';
import { readRecipe } from '../../../native/recipe/embed';
import { repoRoot, sampleA, sampleB } from './helpers';

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

  it("finds the user's own themes in the library folder", async () => {
    const mine = JSON.parse(readFileSync(join(repoRoot, 'themes', 'studio-session.json'), 'utf8'));
    mine.id = 'studio-mine';
    mine.name = 'Studio (mine)';
    mine.lens.aperture = 2.8;
    mkdirSync(userThemesDir(root), { recursive: true });
    writeFileSync(join(userThemesDir(root), 'studio-mine.json'), JSON.stringify(mine));
    const lines: string[] = [];
    const out = join(root, 'mine');
    const code = await runCouple(['--a', sampleA, '--b', sampleB, '--theme', 'studio-mine', '--seeds', '1', '--seed', '5', '--out', out, '--json'], { dataDir: root, out: (l) => lines.push(l), err: () => {} });
    expect(code).toBe(0);
    expect(readdirSync(out)).toEqual(['studio-mine-5-draft.png']);
    const recipe = (await readRecipe(readFileSync(join(out, 'studio-mine-5-draft.png')))) as PortraitRecipe;
    expect(recipe.theme.id).toBe('studio-mine');
    expect(recipe.theme.resolved.lens.aperture).toBe(2.8);
    // Another library does not see it.
    const other = mkdtempSync(join(tmpdir(), 'pairlight-couple-other-'));
    const errs: string[] = [];
    try {
      expect(await runCouple(['--a', sampleA, '--b', sampleB, '--theme', 'studio-mine', '--seeds', '1', '--out', join(other, 'o')], { dataDir: other, out: () => {}, err: (l) => errs.push(l) })).toBe(2);
      expect(errs.join('\n')).toMatch(/studio-mine/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
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
