import { describe, expect, it } from 'vitest';
import { applyAffine, affineScale, eyeAlignTransform, eyeCentres, invertAffine, transformPoints } from '../../../native/compose/transform';
import type { Point3 } from '../../../native/face/types';

describe('eyeAlignTransform', () => {
  const eyes: [[number, number], [number, number]] = [[100, 200], [160, 190]];
  it('sends the eyes exactly to centre ± half the eye vector at the tilt', () => {
    const m = eyeAlignTransform(eyes, { centre: [300, 400], distance: 80, tiltDeg: 10, mirror: false });
    const t = (10 * Math.PI) / 180;
    const [ax, ay] = applyAffine(m, ...eyes[0]);
    const [bx, by] = applyAffine(m, ...eyes[1]);
    expect(ax).toBeCloseTo(300 - 40 * Math.cos(t), 9);
    expect(ay).toBeCloseTo(400 - 40 * Math.sin(t), 9);
    expect(bx).toBeCloseTo(300 + 40 * Math.cos(t), 9);
    expect(by).toBeCloseTo(400 + 40 * Math.sin(t), 9);
    expect(affineScale(m)).toBeCloseTo(80 / Math.hypot(60, 10), 9);
  });
  it('mirrored, the photo\'s right eye lands on the left and left-right order flips', () => {
    const m = eyeAlignTransform(eyes, { centre: [300, 400], distance: 80, tiltDeg: 0, mirror: true });
    const [ax] = applyAffine(m, ...eyes[0]);
    const [bx] = applyAffine(m, ...eyes[1]);
    expect(bx).toBeCloseTo(260, 9);
    expect(ax).toBeCloseTo(340, 9);
    expect(m.a * m.e - m.b * m.d).toBeLessThan(0); // a reflection
    // A point left of the face in the photo ends up right of it in the draft.
    expect(applyAffine(m, 0, 200)[0]).toBeGreaterThan(340);
  });
  it('inverts exactly', () => {
    const m = eyeAlignTransform(eyes, { centre: [10, 20], distance: 33, tiltDeg: -7, mirror: true });
    const inv = invertAffine(m);
    const [x, y] = applyAffine(inv, ...applyAffine(m, 12.5, -3));
    expect(x).toBeCloseTo(12.5, 9);
    expect(y).toBeCloseTo(-3, 9);
  });
  it('scales mesh depth with the head', () => {
    const m = eyeAlignTransform(eyes, { centre: [0, 0], distance: 2 * Math.hypot(60, 10), tiltDeg: 0, mirror: false });
    const [p] = transformPoints([[100, 200, -30]], m);
    expect(p[2]).toBeCloseTo(-60, 9);
  });
});

describe('eyeCentres', () => {
  it('uses iris centres when the mesh has them, else eye-corner midpoints, left to right', () => {
    const pts: Point3[] = Array.from({ length: 478 }, () => [0, 0, 0] as Point3);
    pts[33] = [90, 100, 0]; pts[133] = [110, 102, 0]; pts[362] = [150, 100, 0]; pts[263] = [170, 98, 0];
    pts[468] = [101, 101, 0]; pts[473] = [159, 99, 0];
    expect(eyeCentres(pts)).toEqual([[101, 101], [159, 99]]);
    expect(eyeCentres(pts.slice(0, 468))).toEqual([[100, 101], [160, 99]]);
  });
});
