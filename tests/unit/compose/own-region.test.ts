// The person cut-out keeps only this person: a friend who touches them in a group photo is
// connected to them in the segmentation matte, and must be cut away along the line between them.
import { describe, expect, it } from 'vitest';
import { faceSpot, ownRegion } from '../../../native/compose/person';
import type { Plane } from '../../../native/compose/planes';

const W = 120, H = 100;

/** Two heads (discs at x = 35 and 85) on one joined band of shoulders, as a matte in 0..1. */
function twoPeople(): Plane {
  const data = new Float32Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const head = Math.hypot(x - 35, y - 30) < 16 || Math.hypot(x - 85, y - 30) < 16;
      const shoulders = y >= 50 && x >= 10 && x < 110;
      const neck = y >= 40 && ((x > 28 && x < 42) || (x > 78 && x < 92));
      if (head || shoulders || neck) data[y * W + x] = 1;
    }
  }
  return { width: W, height: H, data };
}

const at = (p: Plane, x: number, y: number) => p.data[y * W + x];
const box = (cx: number, cy: number, side: number) => ({ x: cx - side / 2, y: cy - side / 2, width: side, height: side });

describe('ownRegion', () => {
  it('without neighbours keeps everything connected to the face, friend included', () => {
    const kept = ownRegion(twoPeople(), faceSpot(box(35, 30, 30)));
    expect(at(kept, 35, 30)).toBeCloseTo(1, 3);
    expect(at(kept, 85, 30)).toBeCloseTo(1, 3);
  });

  it("with the friend's face known, cuts the friend's head and shoulder away and keeps this person whole", () => {
    const kept = ownRegion(twoPeople(), faceSpot(box(35, 30, 30)), [faceSpot(box(85, 30, 30))]);
    expect(at(kept, 35, 30)).toBeCloseTo(1, 3); // own head
    expect(at(kept, 20, 80)).toBeCloseTo(1, 3); // own shoulder
    expect(at(kept, 52, 70)).toBeCloseTo(1, 3); // own side of the cut (x = 60)
    expect(at(kept, 85, 30)).toBe(0); // friend's head
    expect(at(kept, 100, 80)).toBe(0); // friend's shoulder
    expect(at(kept, 68, 70)).toBeLessThan(0.05); // friend's side, just past the soft edge
  });

  it('gives a bigger (nearer) face more of the space between the two', () => {
    const kept = ownRegion(twoPeople(), faceSpot(box(35, 30, 45)), [faceSpot(box(85, 30, 15))]);
    // Cut at 35 + 50 × 45 / 60 = 72.5: x = 66 is still this person's.
    expect(at(kept, 66, 70)).toBeCloseTo(1, 3);
    expect(at(kept, 100, 80)).toBe(0);
  });

  it('respects the face box scale of a reduced matte', () => {
    expect(faceSpot({ x: 40, y: 20, width: 60, height: 80 }, 2)).toEqual({ x: 35, y: 30, size: 40 });
  });
});
