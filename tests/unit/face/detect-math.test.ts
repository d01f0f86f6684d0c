import { describe, expect, it } from 'vitest';
import { FULL_RANGE, SHORT_RANGE, generateAnchors } from '../../../native/face/anchors';
import { decodeBlazeFace } from '../../../native/face/blazeface';
import { weightedNms, iou, type Candidate } from '../../../native/face/nms';
import { detectionRegions, eyeAngle } from '../../../native/face/detect';

describe('anchors', () => {
  it('has 896 short-range and 2304 full-range anchors in grid order', () => {
    const s = generateAnchors(SHORT_RANGE);
    expect(s.length / 2).toBe(896);
    expect([s[0], s[1], s[2], s[3]]).toEqual([4, 4, 4, 4]); // two anchors per 8-px cell
    expect([s[4], s[5]]).toEqual([12, 4]);
    expect([s[1024], s[1025]]).toEqual([8, 8]); // row 512 (after 16·16·2 rows): first anchor of the 16-px layer
    const f = generateAnchors(FULL_RANGE);
    expect(f.length / 2).toBe(2304);
    expect([f[f.length - 2], f[f.length - 1]]).toEqual([190, 190]);
  });
});

describe('decodeBlazeFace', () => {
  it('adds offsets to the anchor, maps to photo pixels and applies the sigmoid', () => {
    const anchors = new Float32Array([10, 20, 50, 60]);
    const raw = new Float32Array(34);
    raw[0] = -10; // row 0: far below threshold
    raw[17] = 2; // row 1: logit 2
    raw.set([1, -2, 8, 4], 18); // centre offset (1, -2), size 8 × 4
    for (let k = 0; k < 6; k++) raw.set([k, -k], 22 + 2 * k);
    const c = decodeBlazeFace(raw, anchors, [2, 0, 100, 0, 2, 0], 0.5);
    expect(c).toHaveLength(1);
    expect(c[0].score).toBeCloseTo(1 / (1 + Math.exp(-2)), 9);
    // centre (51, 58), half size (4, 2) → input box [47, 56]–[55, 60] → photo ×2 + (100, 0)
    expect([c[0].x0, c[0].y0, c[0].x1, c[0].y1]).toEqual([194, 112, 210, 120]);
    expect(c[0].keypoints[2]).toEqual([2 * 52 + 100, 2 * 58]);
  });
});

describe('weightedNms', () => {
  const box = (x: number, score: number, kx = x): Candidate => ({ x0: x, y0: 0, x1: x + 10, y1: 10, score, keypoints: [[kx, 5]] });

  it('averages overlapping candidates by score and keeps separate faces apart', () => {
    const out = weightedNms([box(0, 0.9), box(2, 0.3), box(100, 0.8)], 0.3);
    expect(out).toHaveLength(2);
    expect(out[0].score).toBe(0.9);
    expect(out[0].x0).toBeCloseTo((0 * 0.9 + 2 * 0.3) / 1.2, 9);
    expect(out[0].keypoints[0][0]).toBeCloseTo(0.5, 9);
    expect(out[1].x0).toBe(100);
  });

  it('iou of identical boxes is 1 and of disjoint boxes 0', () => {
    expect(iou(box(0, 1), box(0, 1))).toBe(1);
    expect(iou(box(0, 1), box(50, 1))).toBe(0);
  });
});

describe('detection regions and roll', () => {
  it('always includes the whole photo and tiles that cover it with overlap', () => {
    const r = detectionRegions(1000, 600, [0.5]);
    expect(r[0]).toEqual({ cx: 500, cy: 300, side: 1000 });
    const tiles = r.slice(1);
    expect(Math.min(...tiles.map((t) => t.cx - t.side / 2))).toBeCloseTo(0, 9);
    expect(Math.max(...tiles.map((t) => t.cx + t.side / 2))).toBeCloseTo(1000, 9);
    expect(Math.max(...tiles.map((t) => t.cy + t.side / 2))).toBeCloseTo(600, 9);
  });

  it('eye line angle: level eyes give 0, the left eye lower in the image gives a positive (clockwise) angle', () => {
    expect(eyeAngle([[0, 0], [10, 0]])).toBe(0);
    expect(eyeAngle([[0, 0], [10, 10]])).toBeCloseTo(Math.PI / 4, 12);
  });
});
