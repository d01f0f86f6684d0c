// The person matte of real photos: full resolution, solid on the face, background out, and its
// edges follow the photo's edges better than the plain upsampled 256 px mask does.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../native/image/decode';
import { analyzePhoto } from '../../../native/face/analyze';
import { personMatte, segmentLowRes } from '../../../native/matte/matte';
import { resizeMaskBilinear } from '../../../native/image/resize';
import { SAMPLES_DIR, photoPath } from '../../fixtures/face/photos';
import { greyGuide } from '../../../native/matte/upsample';
import type { Image8 } from '../../../native/image/types';

/** Mean photo edge strength where the matte changes, weighted by how much it changes there. */
function edgeAlignment(image: Image8, d: Float32Array): number {
  const g = greyGuide(image);
  const W = image.width;
  let num = 0, den = 0;
  for (let y = 1; y < image.height - 1; y++) {
    for (let x = 1; x < W - 1; x++) {
      const i = y * W + x;
      const gm = Math.hypot(d[i + 1] - d[i - 1], d[i + W] - d[i - W]);
      num += gm * Math.hypot(g[i + 1] - g[i - 1], g[i + W] - g[i - W]);
      den += gm;
    }
  }
  return num / den;
}
import { models, modelsReady } from './models';

describe.skipIf(!modelsReady)('person matte', () => {
  it('covers the face and leaves the background out', async () => {
    const { image } = await decodeImage(path.join(SAMPLES_DIR, 'person-b.jpg'));
    const [face] = (await analyzePhoto(image, { models, embed: false })).faces;
    const matte = await personMatte(image, { models });
    expect([matte.width, matte.height]).toEqual([image.width, image.height]);
    let inFace = 0, n = 0;
    const b = face.box;
    for (let y = Math.round(b.y + b.height * 0.2); y < b.y + b.height * 0.8; y++) {
      for (let x = Math.round(b.x + b.width * 0.2); x < b.x + b.width * 0.8; x++) {
        inFace += matte.data[y * image.width + x];
        n++;
      }
    }
    expect(inFace / n).toBeGreaterThan(0.9);
    // The top-right corner of person-b.jpg is wall and a painting: background.
    let corner = 0;
    for (let y = 0; y < 40; y++) for (let x = image.width - 40; x < image.width; x++) corner += matte.data[y * image.width + x];
    expect(corner / 1600).toBeLessThan(0.1);
  });

  it('on a 2.6 MP group photo its edges sit on the photo\'s edges far more than the upsampled mask\'s', async () => {
    const { image } = await decodeImage(photoPath('face-api/sample3'));
    const matte = await personMatte(image, { models });
    const plain = resizeMaskBilinear(await segmentLowRes(image, { models }), image.width, image.height);
    // Measured 0.092 vs 0.056.
    expect(edgeAlignment(image, matte.data)).toBeGreaterThan(1.3 * edgeAlignment(image, plain.data));
  });
});
