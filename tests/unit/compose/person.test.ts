// preparePerson's per-photo clean-up on a drawn selfie: a flash's red pupils and a cyan glow on
// one cheek are gone from what the drafts draw, and the photo's white balance is read from the
// photo as taken (before the glow is evened, which would make the scene look warmer).
import { describe, expect, it } from 'vitest';
import { preparePerson } from '../../../native/compose/person';
import { greyWorldGains } from '../../../native/compose/harmonise';
import { image8ToLinear } from '../../../native/compose/planes';
import type { PersonInput } from '../../../native/compose';
import { SYNTH_EYES, syntheticPerson } from './synthetic-person';

const IRIS_RADIUS = 8;

/** The drawn selfie with iris points of a real radius, red pupils, and a cyan glow over the left of the face and neck. */
function flashAndGlow(): PersonInput {
  const p = syntheticPerson();
  const points = p.face.points.map((q) => [...q] as [number, number, number]);
  [468, 473].forEach((c, e) => {
    const [x, y] = e === 0 ? SYNTH_EYES.left : SYNTH_EYES.right;
    points[c] = [x, y, 0];
    [[IRIS_RADIUS, 0], [0, -IRIS_RADIUS], [-IRIS_RADIUS, 0], [0, IRIS_RADIUS]].forEach(([dx, dy], k) => (points[c + 1 + k] = [x + dx, y + dy, 0]));
  });
  const data = new Uint8Array(p.photo.data);
  const w = p.photo.width;
  for (let y = 0; y < p.photo.height; y++) for (let x = 0; x < w; x++) {
    const i = (y * w + x) * 3;
    for (const [ex, ey] of [SYNTH_EYES.left, SYNTH_EYES.right]) if (Math.hypot(x + 0.5 - ex, y + 0.5 - ey) < 6) data.set([200, 30, 25], i);
    // The glow: left of x = 200, on the person (face, neck), not on the pupils.
    if (x < 200 && p.matte.data[y * w + x] > 0.5 && Math.hypot(x + 0.5 - SYNTH_EYES.left[0], y + 0.5 - SYNTH_EYES.left[1]) >= 6) {
      data[i] = Math.round(data[i] * 0.7);
      data[i + 2] = Math.min(255, Math.round(data[i + 2] * 1.25));
    }
  }
  return { ...p, photo: { ...p.photo, data }, face: { ...p.face, points } };
}

describe('preparePerson', () => {
  const input = flashAndGlow();
  const prepared = preparePerson(input, 1);
  const at = (x: number, y: number) => {
    const i = y * prepared.colour.width + x;
    return [prepared.colour.r[i], prepared.colour.g[i], prepared.colour.b[i]];
  };
  const before = image8ToLinear(input.photo);
  const was = (x: number, y: number) => {
    const i = y * before.width + x;
    return [before.r[i], before.g[i], before.b[i]];
  };

  it('takes the red out of the pupils', () => {
    for (const [x, y] of [SYNTH_EYES.left, SYNTH_EYES.right]) {
      const [r0, g0] = was(x, y);
      expect(r0 / g0).toBeGreaterThan(5);
      const [r, g, b] = at(x, y);
      expect(r / Math.max(g, b)).toBeLessThan(1.7);
    }
  });

  it("evens the cyan glow on the cheek toward the face's own skin", () => {
    const redness = ([r, g]: number[]) => Math.log(r / g);
    const skin = redness(was(300, 300)); // the right cheek, out of the glow
    const cheek: [number, number] = [170, 300];
    expect(skin - redness(was(...cheek))).toBeGreaterThan(0.6);
    expect(Math.abs(skin - redness(at(...cheek)))).toBeLessThan(0.25);
  });

  it('reads the white balance from the photo as taken', () => {
    expect(prepared.neutralGains).toEqual(greyWorldGains(image8ToLinear(input.photo)));
    expect(prepared.neutralGains).not.toEqual(greyWorldGains(prepared.colour));
  });
});
