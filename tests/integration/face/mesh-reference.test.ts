// Every clearly visible face is found, and our 468 points are compared with the @vladmandic/human
// TFJS pipeline (same MediaPipe weights; see tests/fixtures/face/reference.ts for how it was run).
//
// What the numbers mean: the mesh model itself moves by 1.7–3 % of the inter-ocular distance when
// its crop shifts by 3 % or its scale changes by ±7 % (measured on these faces), and human crops
// differently (1.4 × its detector box, one pass, no roll correction) from us (MediaPipe's 1.5 ×,
// eye-line roll, second pass on the mesh's own box). So two correct pipelines differ by about that
// much. The comparison is made where human's unrotated crop is valid (|roll| ≤ 15° and |yaw| ≤ 25° by
// both pipelines); elsewhere (profiles, tilted heads) its mesh is visibly off and is not a yardstick.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../../native/image/decode';
import { analyzePhoto } from '../../../native/face/analyze';
import { meshError } from '../../fixtures/face/mesh-error';
import type { PhotoAnalysis } from '../../../native/face/types';
import { headPose } from '../../../native/face/pose';
import { TEST_PHOTOS, REPO_ROOT } from '../../fixtures/face/photos';
import type { ReferenceFace } from '../../fixtures/face/reference';
import { models, modelsReady } from './models';

const reference = JSON.parse(readFileSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'face', 'reference-meshes.json'), 'utf8')) as Record<string, ReferenceFace[]>;

const results = new Map<string, PhotoAnalysis>();
const errors: number[] = [];
const MAX_ROLL = 15;
const MAX_YAW = 25;

describe.skipIf(!modelsReady)('face detection and mesh on real photos', () => {
  afterAll(() => {
    if (errors.length) console.log(`mesh error / inter-ocular over ${errors.length} comparable faces: ${errors.map((e) => (100 * e).toFixed(1)).join(' ')}; mean ${(100 * errors.reduce((a, b) => a + b, 0) / errors.length).toFixed(2)} %, max ${(100 * Math.max(...errors)).toFixed(2)} %`);
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
        const refPose = headPose(ref.mesh);
        if (Math.abs(refPose.roll) > MAX_ROLL || Math.abs(refPose.yaw) > MAX_YAW) continue;
        const cx = ref.box[0] + ref.box[2] / 2, cy = ref.box[1] + ref.box[3] / 2;
        const match = a.faces.find((f) => Math.abs(f.box.x + f.box.width / 2 - cx) < ref.box[2] / 2 && Math.abs(f.box.y + f.box.height / 2 - cy) < ref.box[3] / 2);
        expect(match, `reference face at ${cx},${cy} found`).toBeDefined();
        // Head tilt and turn as measured by both pipelines: human's unrotated crop only suits an upright, near-frontal head.
        if (Math.abs(match!.pose.roll) > MAX_ROLL || Math.abs(match!.pose.yaw) > MAX_YAW) continue;
        const err = meshError(match!.points, ref.mesh);
        errors.push(err);
        expect(err).toBeLessThanOrEqual(0.04);
      }
    });
  }

  it('mean error over all comparable faces is within 3 % of the inter-ocular distance', () => {
    expect(errors.length).toBeGreaterThanOrEqual(8);
    expect(errors.reduce((a, b) => a + b, 0) / errors.length).toBeLessThanOrEqual(0.03);
  });
});
