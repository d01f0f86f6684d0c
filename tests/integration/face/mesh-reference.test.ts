// Every clearly visible face is found, and our 468 points match the @vladmandic/human TFJS
// pipeline (same MediaPipe weights) within 2 % of the inter-ocular distance.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../../native/image/decode';
import { analyzePhoto } from '../../../native/face/analyze';
import { LEFT_EYE_INNER, LEFT_EYE_OUTER, RIGHT_EYE_INNER, RIGHT_EYE_OUTER } from '../../../native/face/landmarks';
import type { PhotoAnalysis } from '../../../native/face/types';
import { TEST_PHOTOS, REPO_ROOT } from '../../fixtures/face/photos';
import type { ReferenceFace } from '../../fixtures/face/reference';
import { models, modelsReady } from './models';

const reference = JSON.parse(readFileSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'face', 'reference-meshes.json'), 'utf8')) as Record<string, ReferenceFace[]>;

function interOcular(p: readonly number[][]): number {
  const r = [(p[RIGHT_EYE_OUTER][0] + p[RIGHT_EYE_INNER][0]) / 2, (p[RIGHT_EYE_OUTER][1] + p[RIGHT_EYE_INNER][1]) / 2];
  const l = [(p[LEFT_EYE_OUTER][0] + p[LEFT_EYE_INNER][0]) / 2, (p[LEFT_EYE_OUTER][1] + p[LEFT_EYE_INNER][1]) / 2];
  return Math.hypot(r[0] - l[0], r[1] - l[1]);
}

export function meshError(ours: readonly number[][], ref: readonly number[][]): number {
  let s = 0;
  for (let i = 0; i < 468; i++) s += Math.hypot(ours[i][0] - ref[i][0], ours[i][1] - ref[i][1]);
  return s / 468 / interOcular(ref);
}

const results = new Map<string, PhotoAnalysis>();
const errors: number[] = [];

describe.skipIf(!modelsReady)('face detection and mesh on real photos', () => {
  afterAll(() => {
    if (errors.length) console.log(`mesh error / inter-ocular over ${errors.length} faces: mean ${(100 * errors.reduce((a, b) => a + b, 0) / errors.length).toFixed(2)} %, max ${(100 * Math.max(...errors)).toFixed(2)} %`);
  });

  for (const photo of TEST_PHOTOS) {
    it(`${photo.name}: finds the ${photo.clearFaces} clearly visible faces and matches the reference mesh`, async () => {
      const { image } = await decodeImage(photo.path);
      const a = await analyzePhoto(image, { models, embed: false });
      results.set(photo.name, a);
      expect(a.faces.length).toBeGreaterThanOrEqual(photo.clearFaces);
      // No invented faces: at most one extra (a half-hidden face a person might also count).
      expect(a.faces.length).toBeLessThanOrEqual(photo.clearFaces + 1);
      for (const f of a.faces) expect(f.points).toHaveLength(478);
      for (const ref of reference[photo.name]) {
        const cx = ref.box[0] + ref.box[2] / 2, cy = ref.box[1] + ref.box[3] / 2;
        const match = a.faces.find((f) => Math.abs(f.box.x + f.box.width / 2 - cx) < ref.box[2] / 2 && Math.abs(f.box.y + f.box.height / 2 - cy) < ref.box[3] / 2);
        expect(match, `reference face at ${cx},${cy} found`).toBeDefined();
        const err = meshError(match!.points, ref.mesh);
        errors.push(err);
        expect(err).toBeLessThanOrEqual(0.02);
      }
    });
  }
});
