// Pitch on real faces whose head tilt is plain to see (looked at in crops of the test photos):
// two that face the camera, one bowed well down, one with the chin raised. There is no measured
// ground truth for these photos, so the bounds are generous; they catch a sign flip and a frame
// that leans the whole scale (the forehead–chin frame read the two frontal faces at −6° and −8°).
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../native/image/decode';
import { analyzePhoto } from '../../../native/face/analyze';
import { photoPath } from '../../fixtures/face/photos';
import type { PhotoAnalysis } from '../../../native/face/types';
import { models, modelsReady } from './models';

interface Seen {
  photo: string;
  /** A point inside the face's box, in photo pixels. */
  at: [number, number];
  what: string;
  pitch: [number, number];
}

const SEEN: Seen[] = [
  { photo: 'face-api/sample5', at: [475, 1010], what: 'looks straight at the camera', pitch: [-5, 5] },
  { photo: 'face-api/sample3', at: [700, 460], what: 'looks straight at the camera', pitch: [-5, 5] },
  { photo: 'face-api/sample2', at: [985, 365], what: 'head bowed, eyes down', pitch: [-45, -18] },
  { photo: 'face-api/sample5', at: [1200, 315], what: 'chin raised', pitch: [10, 30] },
];

describe.skipIf(!modelsReady)('pitch on real faces', () => {
  // Each photo analysed once, whichever of its faces a test looks at.
  const analyses = new Map<string, Promise<PhotoAnalysis>>();
  const analysisOf = (photo: string) => {
    if (!analyses.has(photo)) analyses.set(photo, decodeImage(photoPath(photo)).then(({ image }) => analyzePhoto(image, { models, embed: false })));
    return analyses.get(photo)!;
  };
  for (const s of SEEN) {
    it(`${s.photo} at ${s.at.join(',')}: ${s.what}`, async () => {
      const { faces } = await analysisOf(s.photo);
      const face = faces.find((f) => s.at[0] >= f.box.x && s.at[0] <= f.box.x + f.box.width && s.at[1] >= f.box.y && s.at[1] <= f.box.y + f.box.height);
      expect(face, 'the face is found').toBeDefined();
      expect(face!.pose.pitch).toBeGreaterThanOrEqual(s.pitch[0]);
      expect(face!.pose.pitch).toBeLessThanOrEqual(s.pitch[1]);
    });
  }
});
