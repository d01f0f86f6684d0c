// Things that are not faces stay out of the analysis. Cropped by 10 % / 7 % from the top left,
// face-api's sample1 shows a red plaid shirt at its bottom left that the detector scores 0.58
// and the mesh model 0.87; only their product (0.50, against 0.80 or more for every real face
// in the test photos) gives it away.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../native/image/decode';
import { analyzePhoto } from '../../../native/face/analyze';
import { photoPath } from '../../fixtures/face/photos';
import { models, modelsReady } from './models';

describe.skipIf(!modelsReady)('false faces', () => {
  it('a plaid shirt is not a face; the three people are', async () => {
    const file = photoPath('face-api/sample1');
    const meta = await sharp(file).metadata();
    const left = Math.round(meta.width! * 0.1), top = Math.round(meta.height! * 0.07);
    const bytes = await sharp(file).extract({ left, top, width: meta.width! - left, height: meta.height! - top }).png().toBuffer();
    const { image } = await decodeImage(bytes);
    const { faces } = await analyzePhoto(image, { models, embed: false });
    expect(faces).toHaveLength(3);
    for (const f of faces) expect(f.score).toBeGreaterThan(0.8);
    // The shirt is there to be found: without the combined score it comes back as a fourth face.
    const loose = await analyzePhoto(image, { models, embed: false, minTrust: 0 });
    expect(loose.faces).toHaveLength(4);
    const shirt = loose.faces.find((f) => !faces.some((g) => Math.abs(g.box.x - f.box.x) < 20 && Math.abs(g.box.y - f.box.y) < 20))!;
    // Its detection score alone is low but not decisive (0.58; real faces here: 0.80–0.97).
    expect(shirt.score).toBeLessThan(0.7);
  });
});
