// `pairlight baby --a A.jpg --b B.jpg --age newborn|1y|3y --variations N --share-a W --out DIR [--seed S] [--scene S] [--json]`
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { defaultModelsDir, FaceAnalysisError, ImageImportError, modelSetFromFolder } from '../../../native/face';
import { analyseParentPhoto, generateBabies, type BabyResult } from '../../../native/baby/generate';
import { renderReportCard } from '../../../native/baby/report';
import { TraitError } from '../../../native/baby/traits';
import { encodeWithRecipe } from '../../../native/recipe/embed';
import { writeFileAtomic } from '../../app/files/atomic';
import { appVersion } from '../../app/version';
import type { InfantAge } from '../../../native/baby/morph';
import type { BabyScene } from '../../../native/baby/portrait';

const AGES: readonly InfantAge[] = ['newborn', '1y', '3y'];
const SCENES: readonly BabyScene[] = ['nursery', 'soft-studio', 'outdoor'];

export interface BabyArgs {
  a: string;
  b: string;
  age: InfantAge;
  variations: number;
  shareA: number;
  out: string;
  seed: number;
  scene: BabyScene;
  json: boolean;
  modelsDir: string;
}

export function parseBabyArgs(args: string[]): BabyArgs | string {
  let v;
  try {
    v = parseArgs({
      args,
      options: {
        a: { type: 'string' }, b: { type: 'string' }, age: { type: 'string', default: 'newborn' },
        variations: { type: 'string', default: '4' }, 'share-a': { type: 'string', default: '0.5' },
        out: { type: 'string' }, seed: { type: 'string', default: '1' }, scene: { type: 'string', default: 'nursery' },
        json: { type: 'boolean', default: false }, models: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (err) {
    return (err as Error).message;
  }
  if (!v.a || !v.b) return 'Give both parents: --a PHOTO and --b PHOTO.';
  if (!v.out) return 'Give an output folder with --out DIR.';
  if (!AGES.includes(v.age as InfantAge)) return `--age must be one of ${AGES.join(', ')}.`;
  if (!SCENES.includes(v.scene as BabyScene)) return `--scene must be one of ${SCENES.join(', ')}.`;
  const variations = Number(v.variations);
  if (!Number.isInteger(variations) || variations < 1 || variations > 12) return '--variations must be a whole number from 1 to 12.';
  const shareA = Number(v['share-a']);
  if (!(shareA >= 0 && shareA <= 1)) return '--share-a must be a number from 0 (all parent B) to 1 (all parent A); 0.5 is balanced.';
  const seed = Number(v.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) return '--seed must be a whole number from 0 to 4294967295.';
  return { a: v.a, b: v.b, age: v.age as InfantAge, variations, shareA, out: v.out, seed, scene: v.scene as BabyScene, json: v.json ?? false, modelsDir: v.models ?? defaultModelsDir() };
}

function traitsJson(r: BabyResult) {
  return r.report.lines.map((l) => ({ trait: l.trait, value: l.value, from: l.from, confidence: l.confidence, ...(l.probability === undefined ? {} : { probability: l.probability }) }));
}

export const command: CliCommand = {
  name: ['baby'],
  summary: 'Imagine your future baby from two parents\u2019 photos: variations with a trait report',
  usage: 'pairlight baby --a A.jpg --b B.jpg --age newborn|1y|3y --variations N --share-a W --out DIR [--seed S] [--scene nursery|soft-studio|outdoor] [--json]',
  async run(args, ctx) {
    const p = parseBabyArgs(args);
    if (typeof p === 'string') {
      ctx.err(`${p}\nUsage: ${this.usage}`);
      return 2;
    }
    const models = modelSetFromFolder(p.modelsDir);
    try {
      const a = await analyseParentPhoto({ source: p.a }, models, 'parent A');
      const b = await analyseParentPhoto({ source: p.b }, models, 'parent B');
      const results = await generateBabies(a, b, {
        models, age: p.age, variations: p.variations, shareA: p.shareA, seed: p.seed, scene: p.scene,
        onProgress: (done, total) => { if (!p.json) ctx.out(`  variation ${done}/${total} done`); },
      });
      await mkdir(p.out, { recursive: true });
      const printed = [];
      for (const [i, r] of results.entries()) {
        const recipe = {
          kind: 'baby', appVersion: appVersion(), parents: { a: a.sha256, b: b.sha256 }, age: p.age, scene: p.scene,
          shareA: p.shareA, baseSeed: p.seed, seed: r.seed, variation: r.variation,
          models: Object.fromEntries(Object.values(models.models).map((m) => [m!.id, m!.sha256])),
        };
        const file = path.join(p.out, `baby-${p.age}-${String(i + 1).padStart(2, '0')}-seed${r.seed}.png`);
        await writeFileAtomic(file, await encodeWithRecipe(r.image, recipe, { format: 'png' }));
        const card = path.join(p.out, `baby-${p.age}-${String(i + 1).padStart(2, '0')}-report.png`);
        await writeFileAtomic(card, await renderReportCard(r.image, r.report, `Variation ${i + 1} · ${p.age}`));
        printed.push({ path: file, report: card, seed: r.seed, resemblance: r.resemblance, traits: traitsJson(r) });
        if (!p.json) {
          ctx.out(`${file}\n  looks like A ${r.resemblance.a.toFixed(3)} · like B ${r.resemblance.b.toFixed(3)}; report ${card}`);
          for (const l of r.report.lines) ctx.out(`    ${l.trait}: ${l.value} (${l.from})`);
        }
      }
      if (p.json) ctx.out(JSON.stringify({ age: p.age, shareA: p.shareA, variations: printed }, null, 2));
      return 0;
    } catch (err) {
      if (err instanceof TraitError || err instanceof ImageImportError || err instanceof FaceAnalysisError) {
        ctx.err(err.message);
        return 2;
      }
      throw err;
    } finally {
      await models.cache.dispose();
    }
  },
};

export default command;
