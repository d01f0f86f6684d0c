// Every clearly visible face is found, and our 468 points are compared with the @vladmandic/human
// TFJS pipeline (same MediaPipe weights; see tests/fixtures/face/reference.ts for how it was run).
//
// Two comparisons, because the two pipelines cut the face out differently:
//   - our production crops (MediaPipe's: 1.5 × the detector box turned to the eye line, then a
//     second pass on 1.5 × the mesh's own extent) against human's: mean ≤ 3 % of the inter-ocular
//     distance (measured 2.36 %);
//   - our models and coordinate mapping run with human's crop policy (1.4 × the squared detector
//     box, no roll correction, one pass): mean ≤ 2 %, the bound (measured 1.74 %). This is
//     the check that our converted models, crops and mapping back to photo pixels are right.
// Why production keeps MediaPipe's crops: they are what the model was trained with, they correct
// head tilt (human's unrotated crop is far off on tilted heads), and the mesh model itself moves
// 1.7–3 % when its crop shifts 3 % or its scale 7 %, so two sound crop policies differ by about that.
// The comparison is made where human's unrotated crop is valid (|roll| ≤ 15° and |yaw| ≤ 25°
// by both pipelines); elsewhere (profiles, tilted heads) its mesh is visibly off and is not a yardstick.
// Even within that range it is not exact: turning a photo by 8° moves the upright-crop mesh by a
// median 3.1 % of the inter-ocular distance and ours by 0.6 % (mesh-equivariance.test.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../../native/image/decode';
import { buildPyramid } from '../../../native/image/pyramid';
import { detectFaces } from '../../../native/face/detect';
import { humanCropMesh, nearestDetection } from '../../fixtures/face/human-crop';
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
/** Our models run with human's crop policy, on the same faces. */
const policyErrors: number[] = [];
const MAX_ROLL = 15;
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const MAX_YAW = 25;

describe.skipIf(!modelsReady)('face detection and mesh on real photos', () => {
  afterAll(() => {
    const report = (label: string, e: number[]) => console.log(`mesh error / inter-ocular, ${label}, over ${e.length} comparable faces: ${e.map((v) => (100 * v).toFixed(1)).join(' ')}; mean ${(100 * mean(e)).toFixed(2)} %, max ${(100 * Math.max(...e)).toFixed(2)} %`);
    if (errors.length) report('production crops', errors);
    if (policyErrors.length) report("human's crop policy", policyErrors);
  });

  for (const photo of TEST_PHOTOS) {
    it(`${photo.name}: finds the ${photo.clearFaces} clearly visible faces and matches the reference mesh`, async () => {
      const { image } = await decodeImage(photo.path);
      const pyramid = buildPyramid(image);
      const a = await analyzePhoto(image, { models, embed: false, pyramid });
      const detections = await detectFaces(models, pyramid);
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
        const det = nearestDetection(detections, [match!.box.x + match!.box.width / 2, match!.box.y + match!.box.height / 2]);
        policyErrors.push(meshError(await humanCropMesh(models, pyramid, det), ref.mesh));
      }
    });
  }

  it('mean error over all comparable faces is within 3 % of the inter-ocular distance with our production crops', () => {
    expect(errors.length).toBeGreaterThanOrEqual(8);
    expect(mean(errors)).toBeLessThanOrEqual(0.03);
  });

  it("mean error is within 2 % of the inter-ocular distance when our models run with human's crop policy", () => {
    expect(policyErrors.length).toBe(errors.length);
    expect(mean(policyErrors)).toBeLessThanOrEqual(0.02);
  });
});
