// A head tilted by ~45° (face-api's sample1, top right) draws two detections: a tight box and a
// loose one (most of it above the head). The loose box's mesh lands on forehead and hair, yet the
// mesh model still scores it 0.97; the two overlap, and the analysis used to keep whichever came
// first (the bigger). Pupils marked by hand on the photo pin down which mesh is kept.
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../../../native/image/decode';
import { analyzePhoto } from '../../../native/face/analyze';
import { photoPath } from '../../fixtures/face/photos';
import { models, modelsReady } from './models';

/** Pupil centres read off a 3× zoom of the photo (the subject's right eye first), ±2 px. */
const MARKED_PUPILS: [number, number][] = [[1560, 280], [1617, 337]];

describe.skipIf(!modelsReady)('a strongly tilted head', () => {
  it('keeps the mesh that sits on the face: both iris centres within 5 px of the hand-marked pupils', async () => {
    const { image } = await decodeImage(photoPath('face-api/sample1'));
    const { faces } = await analyzePhoto(image, { models, embed: false });
    const [[rx, ry], [lx, ly]] = MARKED_PUPILS;
    const face = faces.find((f) => f.box.x < rx && rx < f.box.x + f.box.width && f.box.y < ry && ry < f.box.y + f.box.height);
    expect(face, 'a face around the marked pupils').toBeDefined();
    // Points 468 and 473 are the iris centres of the subject's right and left eye.
    const right = face!.points[468], left = face!.points[473];
    expect(Math.hypot(right[0] - rx, right[1] - ry)).toBeLessThanOrEqual(5);
    expect(Math.hypot(left[0] - lx, left[1] - ly)).toBeLessThanOrEqual(5);
    expect(face!.pose.roll).toBeGreaterThan(35);
    // One face there, not a second, misplaced one overlapping it.
    expect(faces.filter((f) => f.box.x < rx && rx < f.box.x + f.box.width && f.box.y - f.box.height < ry && ry < f.box.y + f.box.height)).toHaveLength(1);
  });
});
