// Print export: the crop keeps the faces, the file is the paper at 300 DPI, sRGB-tagged, and
// carries the portrait's recipe plus the export settings.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import exportCommand from '../../../electron/cli/commands/export';
import { runCouple } from '../../../electron/cli/commands/couple';
import { faceAwareCrop } from '../../../electron/app/pipeline/export';
import { readRecipe } from '../../../native/recipe/embed';
import { sampleA, sampleB } from './helpers';

const root = mkdtempSync(join(tmpdir(), 'pairlight-export-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('print export', () => {
  it('slides the crop toward faces near an edge and keeps them whole', () => {
    const face = { x: 1500, y: 100, width: 300, height: 360 };
    const crop = faceAwareCrop(2000, 1000, '8x10', [face]);
    expect(crop.portrait).toBe(false);
    expect(crop.width / crop.height).toBeCloseTo(10 / 8, 2);
    expect(crop.x + crop.width).toBe(2000); // slid to the right edge, not centred on the canvas
    expect(face.x).toBeGreaterThanOrEqual(crop.x);
    expect(face.y + face.height).toBeLessThanOrEqual(crop.y + crop.height);
  });

  it('writes a 300 DPI sRGB JPEG of the paper size with the recipe and export settings', async () => {
    const lines: string[] = [];
    const io = { dataDir: root, out: (l: string) => lines.push(l), err: () => {} };
    expect(await runCouple(['--a', sampleA, '--b', sampleB, '--theme', 'retro-film', '--seeds', '1', '--out', root], io)).toBe(0);
    const out = join(root, 'print.jpg');
    expect(await exportCommand.run([join(root, 'missing.png'), '--paper', '4x6', '--out', out], io)).toBe(2);
    const draft = lines.find((l) => l.includes('-draft.png'))!.split('  ')[0];
    expect(await exportCommand.run([draft, '--paper', '4x6', '--out', out], io)).toBe(0);
    const meta = await sharp(out).metadata();
    const source = await sharp(draft).metadata();
    // The paper turns with the picture: 4 × 6 inches at 300 DPI, long side along the long side.
    expect([meta.width, meta.height]).toEqual(source.width! > source.height! ? [1800, 1200] : [1200, 1800]);
    expect(meta.density).toBe(300);
    expect(meta.icc).toBeDefined();
    const recipe = (await readRecipe(readFileSync(out))) as { theme: { id: string }; export: { paper: string; dpi: number } };
    expect(recipe.theme.id).toBe('retro-film');
    expect(recipe.export).toEqual({ paper: '4x6', dpi: 300, colourSpace: 'sRGB' });
  });
});
