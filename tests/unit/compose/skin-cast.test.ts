// A coloured light on part of the skin (here a cyan glow over the left cheek and neck, as in
// person-a's selfie) is evened out toward the face's own skin chroma: luminance and texture stay,
// lips keep their colour against the skin, and nothing outside the face and neck changes.
import { describe, expect, it } from 'vitest';
import { evenSkinCast, evenSkinCastImage8 } from '../../../native/compose/skin-cast';
import { convexHull, fillPolygon } from '../../../native/compose/polygon';
import { linearToImage8, type Plane, type Rgb } from '../../../native/compose/planes';
import { createRng } from '../../../native/random/prng';
import { realMeshPoints } from '../baby/synthetic-face';

const W = 600, H = 700;
const points = realMeshPoints({ ox: 300, oy: 300 });
const LIPS = [61, 146, 91, 181, 84, 17, 314, 405, 321, 375, 291, 409, 270, 269, 267, 0, 37, 39, 40, 185];
const lips = fillPolygon(convexHull(LIPS.map((i) => [points[i][0], points[i][1]] as [number, number])), W, H);
const xs = points.slice(0, 468).map((p) => p[0]);
const faceLeft = Math.min(...xs), faceRight = Math.max(...xs);

/** Linear skin with fine texture, red lips, a grey background; `cast` tints the left `share` of the face cyan (the lips too if `onLips`). */
function photo(cast: boolean, share = 1 / 3, onLips = false): Rgb {
  const rng = createRng(5);
  const r = new Float32Array(W * H), g = new Float32Array(W * H), b = new Float32Array(W * H);
  for (let i = 0; i < W * H; i++) {
    const x = i % W;
    const t = 1 + 0.06 * (rng.next() - 0.5);
    if (lips[i]) { r[i] = 0.45 * t; g[i] = 0.12 * t; b[i] = 0.13 * t; }
    else { r[i] = 0.55 * t; g[i] = 0.36 * t; b[i] = 0.27 * t; }
    if (cast && x < faceLeft + (faceRight - faceLeft) * share && (onLips || !lips[i])) { r[i] *= 0.45; b[i] *= 1.5; }
  }
  return { width: W, height: H, r, g, b };
}

const matte: Plane = { width: W, height: H, data: Float32Array.from({ length: W * H }, (_, i) => (Math.hypot((i % W) - 300, Math.floor(i / W) - 380) < 280 ? 1 : 0)) };
const lum = (c: Rgb, i: number) => 0.2126 * c.r[i] + 0.7152 * c.g[i] + 0.0722 * c.b[i];
const redness = (c: Rgb, i: number) => Math.log(c.r[i] / c.g[i]);

describe('evenSkinCast', () => {
  it('pulls a cyan glow on cheek and neck back toward the face\'s skin colour, keeping luminance', () => {
    const before = photo(true);
    const after = photo(true);
    evenSkinCast(after, matte, points, 1);
    const skinRedness = Math.log(0.55 / 0.36);
    // A point on the tinted cheek and one on the tinted neck.
    const cheek = Math.round((points[234][1] + points[61][1]) / 2) * W + Math.round(faceLeft + 0.15 * (faceRight - faceLeft));
    const neck = Math.round(points[152][1] + 60) * W + Math.round(faceLeft + 40);
    for (const i of [cheek, neck]) {
      const was = Math.abs(redness(before, i) - skinRedness);
      const now = Math.abs(redness(after, i) - skinRedness);
      expect(was).toBeGreaterThan(0.5);
      expect(now).toBeLessThan(was * 0.4);
      expect(lum(after, i)).toBeCloseTo(lum(before, i), 6);
    }
  });

  it('goes by the skin the glow missed even when the glow covers most of the face', () => {
    // 65 % of the face cyan: its median is cyan, and pulling toward it would tint the clean cheek.
    const before = photo(true, 0.65);
    const after = photo(true, 0.65);
    evenSkinCast(after, matte, points, 1);
    const skinRedness = Math.log(0.55 / 0.36);
    const row = Math.round((points[234][1] + points[61][1]) / 2) * W;
    const cleanCheek = row + Math.round(faceLeft + 0.9 * (faceRight - faceLeft));
    const castCheek = row + Math.round(faceLeft + 0.15 * (faceRight - faceLeft));
    expect(Math.abs(redness(after, cleanCheek) - redness(before, cleanCheek))).toBeLessThan(0.05);
    expect(Math.abs(redness(before, castCheek) - skinRedness)).toBeGreaterThan(0.5);
    expect(Math.abs(redness(after, castCheek) - skinRedness)).toBeLessThan(0.25);
  });

  it('takes the glow off the lips with the skin around them, and the lips stay as much redder', () => {
    const before = photo(true, 0.8, true);
    const after = photo(true, 0.8, true);
    evenSkinCast(after, matte, points, 1);
    const lipCentre = Math.round((points[13][1] + points[14][1]) / 2) * W + Math.round(points[13][0]);
    const belowLips = Math.round(points[152][1] - 0.3 * (points[152][1] - points[14][1])) * W + Math.round(points[13][0]);
    const lipContrast = (c: Rgb) => redness(c, lipCentre) - redness(c, belowLips);
    const lipRedness = Math.log(0.45 / 0.12);
    expect(Math.abs(redness(before, lipCentre) - lipRedness)).toBeGreaterThan(0.5);
    expect(Math.abs(redness(after, lipCentre) - lipRedness)).toBeLessThan(0.25);
    expect(Math.abs(lipContrast(after) - lipContrast(before))).toBeLessThan(0.1);
  });

  it('keeps a red top below the neck red: beyond face and upper neck only colours the face shows count as skin', () => {
    const ys = points.slice(0, 468).map((p) => p[1]);
    const faceH = Math.max(...ys) - Math.min(...ys), chin = Math.max(...ys), cx = (faceLeft + faceRight) / 2;
    const top = (c: Rgb) => {
      for (let y = Math.round(chin + 0.75 * faceH); y < Math.round(chin + 0.95 * faceH); y++) for (let x = Math.round(cx - 40); x < cx + 40; x++) {
        const i = y * W + x;
        c.r[i] = 0.5; c.g[i] = 0.04; c.b[i] = 0.05;
      }
      return c;
    };
    const before = top(photo(true, 0.65)), after = top(photo(true, 0.65));
    evenSkinCast(after, matte, points, 1);
    const i = Math.round(chin + 0.85 * faceH) * W + Math.round(cx);
    // The light's correction fades across it like across everything beside the skin (0.28 here),
    // but it is not pulled to skin colour (as skin it would end within 0.35 of the face's 0.42).
    expect(redness(before, i)).toBeGreaterThan(2.4);
    expect(redness(after, i)).toBeGreaterThan(2.2);
  });

  it('with the whole face under the glow there is no sound skin to go by: the face keeps its colour', () => {
    const before = photo(true, 1.2), after = photo(true, 1.2);
    evenSkinCast(after, matte, points, 1);
    const cheek = Math.round((points[234][1] + points[61][1]) / 2) * W + Math.round(faceLeft + 0.5 * (faceRight - faceLeft));
    expect(redness(before, cheek)).toBeLessThan(0);
    expect(Math.abs(redness(after, cheek) - redness(before, cheek))).toBeLessThan(0.05);
  });

  it('leaves the background beyond the fade and an evenly lit face as they were', () => {
    const after = photo(true);
    const before = photo(true);
    evenSkinCast(after, matte, points, 1);
    // The glow also tints the background beside the neck (the left third of every row), in the
    // skin's own cast colour: with a matte of face and neck only, it must stay as it was beyond
    // the correction's soft fade (3 σ) past the matte.
    const ys = points.slice(0, 468).map((p) => p[1]);
    const faceW = faceRight - faceLeft, faceH = Math.max(...ys) - Math.min(...ys), cx = (faceLeft + faceRight) / 2, chin = Math.max(...ys);
    const hull = fillPolygon(convexHull(points.slice(0, 468).map((p) => [p[0], p[1]] as [number, number])), W, H);
    const tight: Plane = { width: W, height: H, data: Float32Array.from(hull, (v, i) => (v || (Math.abs((i % W) - cx) < faceW * 0.25 && Math.floor(i / W) > chin - 10) ? 1 : 0)) };
    const beside = photo(true);
    evenSkinCast(beside, tight, points, 1);
    const fade = 3 * 0.08 * Math.max(faceW, faceH);
    let checked = 0, changedOutside = 0;
    for (let y = Math.round(chin + 0.3 * faceH); y < Math.min(H, chin + faceH); y++) {
      for (let x = Math.round(cx - 0.7 * faceW); x < cx - 0.25 * faceW - fade; x++) {
        const i = y * W + x;
        checked++;
        if (beside.r[i] !== before.r[i] || beside.b[i] !== before.b[i]) changedOutside++;
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(redness(before, Math.round(chin + 0.5 * faceH) * W + Math.round(cx - 0.6 * faceW))).toBeLessThan(0); // cast there
    expect(changedOutside).toBe(0);

    const even = photo(false);
    const evenBefore = photo(false);
    evenSkinCast(even, matte, points, 1);
    let worst = 0;
    for (let i = 0; i < W * H; i++) worst = Math.max(worst, Math.abs(redness(even, i) - redness(evenBefore, i)));
    expect(worst).toBeLessThan(0.03);
  });

  it('works on an 8-bit photo too, touching only the face', () => {
    const before = linearToImage8(photo(true));
    const after = evenSkinCastImage8(before, points);
    const cheek = Math.round((points[234][1] + points[61][1]) / 2) * W + Math.round(faceLeft + 0.15 * (faceRight - faceLeft));
    const red8 = (img: { data: Uint8Array }, i: number) => img.data[3 * i] / img.data[3 * i + 1];
    expect(red8(before, cheek)).toBeLessThan(1);
    expect(red8(after, cheek)).toBeGreaterThan(1.08); // even skin: 1.20
    // Only the face's box (its mesh and 15 % around) is converted and written back: every byte
    // outside it is the same, though the glow tints the background there too.
    const xs = points.slice(0, 468).map((p) => p[0]), ys = points.slice(0, 468).map((p) => p[1]);
    const pad = 0.15 * Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    let outside = 0, changed = 0;
    for (let i = 0; i < W * H; i++) {
      const x = i % W, y = Math.floor(i / W);
      if (x >= Math.min(...xs) - pad - 1 && x <= Math.max(...xs) + pad + 1 && y >= Math.min(...ys) - pad - 1 && y <= Math.max(...ys) + pad + 1) continue;
      outside++;
      for (let c = 0; c < 3; c++) if (after.data[3 * i + c] !== before.data[3 * i + c]) changed++;
    }
    expect(outside).toBeGreaterThan(W * H / 4);
    expect(changed).toBe(0);
  });
});
