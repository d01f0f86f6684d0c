// The real build: every catalog model is built (fast when the stamp says nothing changed),
// matches its catalog sha256, and a subset is re-verified against tfjs.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModels, withinTolerance } from '../../../models/build';
import { CATALOG_PATH, builtModelsDir, loadCatalog, verifyBuiltModel } from '../../../models/catalog';
import { faceRecipes } from '../../../models/recipes/face';
import { recipes } from '../../../models/recipes/index';
import { segmentationRecipes } from '../../../models/recipes/segmentation';

const tfjsRecipes = [...faceRecipes, ...segmentationRecipes];

beforeAll(async () => {
  const report = await buildModels({
    recipes,
    outDir: builtModelsDir(),
    catalogPath: CATALOG_PATH,
    stampPath: path.join(path.dirname(CATALOG_PATH), '.cache', 'build-stamp.json'),
  });
  expect(report.failures).toEqual([]);
});

describe('built models', () => {
  it('every catalog model is installed with the catalog sha256', async () => {
    const catalog = loadCatalog();
    expect(catalog.models.map((m) => m.id)).toEqual(expect.arrayContaining(recipes.map((r) => r.id)));
    for (const m of catalog.models.filter((x) => !x.testOnly)) {
      const status = await verifyBuiltModel(m.id);
      expect(status, m.id).toMatchObject({ installed: true });
    }
  });

  it('the catalog records a verification within 1e-3 of the output range for every TFJS model', () => {
    for (const r of tfjsRecipes) {
      const e = loadCatalog().models.find((m) => m.id === r.id)!;
      expect(e.verification, r.id).not.toBeNull();
      expect(withinTolerance(e.verification!), `${r.id} ${e.verification!.maxAbsError}`).toBe(true);
      expect(e.provenance.weightsLicence).not.toMatch(/GPL/);
    }
  });

  for (const id of ['blazeface-short', 'facemesh', 'iris', 'selfie', 'faceres']) {
    it(`${id} still matches tfjs on noise and a real photo (max error ≤ 1e-3 of the range)`, async () => {
      const recipe = tfjsRecipes.find((r) => r.id === id)!;
      const v = await recipe.verifyWith(path.join(builtModelsDir(), `${id}.onnx`), { noise: 1, photos: 1 });
      expect(v.outputRange).toBeGreaterThan(0);
      expect(v.maxAbsError).toBeLessThanOrEqual(1e-3 * v.outputRange);
      expect(v.inputs).toMatch(/noise.*sample1\.jpg/);
      // Each output on its own scale too, so a small head cannot hide under a large one
      // (1e-6 absolute floor for outputs that barely vary over two inputs).
      for (const o of v.perOutput) expect(o.maxAbsError, o.output).toBeLessThanOrEqual(1e-3 * (o.max - o.min) + 1e-6);
    });
  }
});
