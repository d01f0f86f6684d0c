import { describe, expect, it } from 'vitest';
import { renderBabyPortrait, type BabyParent } from '../../../native/baby/portrait';
import { analyseParent } from '../../../native/baby/traits';
import { makeVariation } from '../../../native/baby/inheritance';
import { createRng } from '../../../native/random/prng';
import { labToRgb } from '../../../native/colour/lab';
import type { Image8 } from '../../../native/image/types';
import { realMeshPoints, syntheticFace } from './synthetic-face';

function stripes(vertical: boolean): Image8 {
  const w = 600, h = 600, data = new Uint8Array(w * h * 3);
  const light = labToRgb([70, 14, 18]), dark = labToRgb([55, 14, 18]);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const on = Math.floor((vertical ? x : y) / 6) % 2 === 0;
    data.set(on ? light : dark, (y * w + x) * 3);
  }
  return { width: w, height: h, channels: 3, data };
}

function parent(vertical: boolean, k = 1): BabyParent {
  const pts = realMeshPoints({ k });
  const photo = stripes(vertical);
  const face = syntheticFace(pts);
  return { photo, face, traits: analyseParent(photo, face) };
}

/** Energy of horizontal vs vertical gradients inside the central face area. */
function stripeBias(img: Image8): number {
  let gx = 0, gy = 0;
  for (let y = 225; y < 285; y++) for (let x = 165; x < 235; x++) {
    const i = (y * img.width + x) * 3;
    gx += Math.abs(img.data[i + 3] - img.data[i]);
    gy += Math.abs(img.data[i + img.width * 3] - img.data[i]);
  }
  return gx / (gx + gy);
}

describe('baby portrait', () => {
  const A = parent(true), B = parent(false, 1.15);

  it('same seed gives the same pixels; another seed differs', () => {
    const v = makeVariation(A.traits, B.traits, 0.5, createRng(9), 9);
    const one = renderBabyPortrait({ parents: [A, B], variation: v, age: 'newborn', scene: 'nursery', width: 320, height: 400 });
    const two = renderBabyPortrait({ parents: [A, B], variation: v, age: 'newborn', scene: 'nursery', width: 320, height: 400 });
    expect(Buffer.compare(Buffer.from(one.image.data), Buffer.from(two.image.data))).toBe(0);
    const v2 = makeVariation(A.traits, B.traits, 0.5, createRng(10), 10);
    const three = renderBabyPortrait({ parents: [A, B], variation: v2, age: 'newborn', scene: 'nursery', width: 320, height: 400 });
    expect(Buffer.compare(Buffer.from(one.image.data), Buffer.from(three.image.data))).not.toBe(0);
  });

  it('the face texture follows the parent the traits come from', () => {
    const all = (source: 'A' | 'B') => {
      const v = makeVariation(A.traits, B.traits, 0.5, createRng(1), 1);
      for (const k of Object.keys(v.shapes) as (keyof typeof v.shapes)[]) v.shapes[k] = { source, weightA: source === 'A' ? 1 : 0, probability: 1 };
      return renderBabyPortrait({ parents: [A, B], variation: v, age: '1y', scene: 'soft-studio', width: 400, height: 500 });
    };
    // A has vertical stripes (horizontal gradients), B horizontal ones.
    expect(stripeBias(all('A').image)).toBeGreaterThan(0.6);
    expect(stripeBias(all('B').image)).toBeLessThan(0.4);
  });
});
