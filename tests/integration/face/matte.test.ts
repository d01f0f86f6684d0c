// The person matte of a real selfie: full resolution, solid on the face, and its edge follows
// the photo (sharper than the plain upsampled 256 px mask).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../native/image/decode';
import { analyzePhoto } from '../../../native/face/analyze';
import { personMatte, segmentLowRes } from '../../../native/matte/matte';
import { resizeMaskBilinear } from '../../../native/image/resize';
import { SAMPLES_DIR } from '../../fixtures/face/photos';
import { models, modelsReady } from './models';

describe.skipIf(!modelsReady)('person matte', () => {
  it('covers the face, leaves background out, and has crisper edges than plain upsampling', async () => {
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
    // Edge crispness: share of pixels in the uncertain band 0.1..0.9 drops after refinement.
    const plain = resizeMaskBilinear(await segmentLowRes(image, { models }), image.width, image.height);
    const band = (d: Float32Array) => d.reduce((s, v) => s + (v > 0.1 && v < 0.9 ? 1 : 0), 0) / d.length;
    expect(band(matte.data)).toBeLessThan(band(plain.data));
  });
});
