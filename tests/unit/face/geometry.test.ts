import { describe, expect, it } from 'vitest';
import { headPose } from '../../../native/face/pose';
import { cropFromMesh } from '../../../native/face/mesh';
import { eyeAspectRatio, outsideFraction, faceQuality, LIMITS } from '../../../native/face/quality';
import { identitySimilarity, l2Normalize, samePerson, SAME_PERSON_THRESHOLD } from '../../../native/face/similarity';
import { alignmentAffine, ARCFACE_TEMPLATE_112 } from '../../../native/face/align';
import { applyAffine, invertAffine } from '../../../native/image/affine';
import { CHIN, FOREHEAD, LEFT_EYE_OUTER, RIGHT_EYE_OUTER, RIGHT_EYE_INNER, RIGHT_EYE_LIDS, MOUTH_LEFT, MOUTH_RIGHT, NOSE_TIP, LEFT_EYE_INNER, FACE_OVAL } from '../../../native/face/landmarks';
import type { Point3 } from '../../../native/face/types';

/** A synthetic "mesh": only the named points matter, rotated in 3D by yaw (about y) and pitch (about x). */
function syntheticFace(yawDeg: number, pitchDeg: number, rollDeg = 0): Point3[] {
  const pts: Point3[] = Array.from({ length: 478 }, () => [0, 0, 0]);
  const set = (i: number, p: Point3) => (pts[i] = p);
  set(RIGHT_EYE_OUTER, [-45, 0, 8]);
  set(RIGHT_EYE_INNER, [-15, 0, -8]);
  set(LEFT_EYE_OUTER, [45, 0, 8]);
  set(LEFT_EYE_INNER, [15, 0, -8]);
  set(MOUTH_RIGHT, [-22, 70, 2]);
  set(MOUTH_LEFT, [22, 70, -2]);
  // Forehead top and chin recede (as on a real head): they must not bias the pitch.
  set(FOREHEAD, [0, -60, 20]);
  set(CHIN, [0, 80, 15]);
  const yaw = (yawDeg * Math.PI) / 180, pitch = (pitchDeg * Math.PI) / 180, roll = (rollDeg * Math.PI) / 180;
  return pts.map(([x, y, z]) => {
    // Turning toward the image's left = rotating so +x points partly toward the camera (−z).
    let X = x * Math.cos(yaw) + z * Math.sin(yaw);
    let Z = -x * Math.sin(yaw) + z * Math.cos(yaw);
    // Looking up: the chin (+y) comes toward the camera (−z).
    const Y = y * Math.cos(pitch) + Z * Math.sin(pitch);
    Z = -y * Math.sin(pitch) + Z * Math.cos(pitch);
    const Xr = X * Math.cos(roll) - Y * Math.sin(roll);
    const Yr = X * Math.sin(roll) + Y * Math.cos(roll);
    X = Xr;
    return [X + 200, Yr + 200, Z] as Point3;
  });
}

describe('headPose', () => {
  it('reads a frontal face as 0, 0, 0', () => {
    const p = headPose(syntheticFace(0, 0));
    expect(p.yaw).toBeCloseTo(0, 9);
    expect(p.pitch).toBeCloseTo(0, 9);
    expect(p.roll).toBeCloseTo(0, 9);
  });

  it('recovers yaw, pitch and roll with the documented signs, and mirroring flips yaw', () => {
    expect(headPose(syntheticFace(25, 0)).yaw).toBeCloseTo(25, 6);
    expect(headPose(syntheticFace(0, 15)).pitch).toBeCloseTo(15, 6);
    expect(headPose(syntheticFace(0, 0, 10)).roll).toBeCloseTo(10, 6);
    const mirrored = syntheticFace(25, 0).map(([x, y, z]) => [400 - x, y, z] as Point3);
    // In a mirror image the person's right eye lands where the left was: swap the labels too.
    [mirrored[RIGHT_EYE_OUTER], mirrored[LEFT_EYE_OUTER]] = [mirrored[LEFT_EYE_OUTER], mirrored[RIGHT_EYE_OUTER]];
    expect(headPose(mirrored).yaw).toBeCloseTo(-25, 6);
  });
});

describe('cropFromMesh', () => {
  it('centres the crop on the mesh and sizes it from its extent along the eye line', () => {
    const pts = syntheticFace(0, 0, 30);
    const c = cropFromMesh(pts, 1.5);
    expect(c.angle).toBeCloseTo(Math.PI / 6, 9);
    expect(c.side).toBeCloseTo(140 * 1.5, 6); // forehead to chin is the longest extent
  });
});

describe('quality checks', () => {
  it('eye aspect ratio: open eye vs closed eye', () => {
    const pts: Point3[] = Array.from({ length: 468 }, () => [0, 0, 0]);
    pts[RIGHT_EYE_OUTER] = [0, 0, 0];
    pts[RIGHT_EYE_INNER] = [30, 0, 0];
    for (const [u, l] of RIGHT_EYE_LIDS) { pts[u] = [15, -4.5, 0]; pts[l] = [15, 4.5, 0]; }
    expect(eyeAspectRatio(pts, RIGHT_EYE_LIDS, RIGHT_EYE_OUTER, RIGHT_EYE_INNER)).toBeCloseTo(0.3, 9);
    for (const [u, l] of RIGHT_EYE_LIDS) { pts[u] = [15, -0.5, 0]; pts[l] = [15, 0.5, 0]; }
    expect(eyeAspectRatio(pts, RIGHT_EYE_LIDS, RIGHT_EYE_OUTER, RIGHT_EYE_INNER)).toBeLessThan(LIMITS.eyesClosed);
  });

  it('counts the share of mesh points outside the photo', () => {
    const pts: Point3[] = Array.from({ length: 468 }, () => [50, 50, 0]);
    FACE_OVAL.slice(0, 9).forEach((i) => (pts[i] = [-5, 50, 0]));
    pts[0] = [50, 100, 0]; // y = height is outside too
    expect(outsideFraction(pts, 100, 100)).toBeCloseTo(10 / 468, 9);
  });

  it('a flat grey image with a tiny face yields too-small, blurred and (at this grey) no exposure advice', () => {
    const img = { width: 200, height: 200, channels: 3 as const, data: new Uint8Array(200 * 200 * 3).fill(128) };
    const pts = syntheticFace(0, 0).map(([x, y, z]) => [x / 4 + 50, y / 4 + 50, z] as Point3);
    const codes = faceQuality(img, pts.slice(0, 468), { yaw: 0, pitch: 0, roll: 0 }).map((a) => a.code);
    expect(codes).toContain('face_too_small');
    expect(codes).toContain('blurred');
    expect(codes).not.toContain('too_dark');
  });
});

describe('identity similarity', () => {
  it('is 1 for the same vector, 0 for orthogonal, −1 for opposite, and ignores scale', () => {
    expect(identitySimilarity([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(identitySimilarity([1, 0], [0, 1])).toBe(0);
    expect(identitySimilarity([1, 0], [-1, 0])).toBe(-1);
    expect(Math.hypot(...l2Normalize([3, 4]))).toBeCloseTo(1, 6);
    expect(samePerson([1, 0], [1, 0.01])).toBe(true);
    expect(SAME_PERSON_THRESHOLD).toBeGreaterThan(0);
  });

  it('refuses embeddings of different lengths', () => {
    expect(() => identitySimilarity([1], [1, 2])).toThrow(RangeError);
  });
});

describe('alignment', () => {
  it('maps the five landmarks of a face onto the template', () => {
    const pts: Point3[] = Array.from({ length: 468 }, () => [0, 0, 0]);
    // A face that is exactly the template, scaled ×3 and moved.
    const idx = [[RIGHT_EYE_OUTER, RIGHT_EYE_INNER], [LEFT_EYE_OUTER, LEFT_EYE_INNER], [NOSE_TIP], [MOUTH_RIGHT], [MOUTH_LEFT]];
    ARCFACE_TEMPLATE_112.forEach(([x, y], k) => {
      for (const i of idx[k]) pts[i] = [x * 3 + 100, y * 3 + 50, 0];
    });
    const toPhoto = alignmentAffine(pts, 112);
    const toCrop = invertAffine(toPhoto);
    ARCFACE_TEMPLATE_112.forEach(([x, y], k) => {
      const [u, v] = applyAffine(toCrop, pts[idx[k][0]][0], pts[idx[k][0]][1]);
      expect(u).toBeCloseTo(x, 6);
      expect(v).toBeCloseTo(y, 6);
    });
  });
});
