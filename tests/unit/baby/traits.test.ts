import { describe, expect, it } from 'vitest';
import { analyseParent, classifyEyeColour, classifySkin, measureGeometry, TraitError } from '../../../native/baby/traits';
import type { Image8 } from '../../../native/image/types';
import { labToRgb } from '../../../native/colour/lab';
import { syntheticFace, syntheticPoints } from './synthetic-face';

describe('trait geometry', () => {
  it('is invariant to scale and in-plane rotation', () => {
    const base = measureGeometry(syntheticPoints());
    for (const t of [{ s: 2.5 }, { s: 0.4, r: 0.5 }, { r: -1.2, ox: 900, oy: 50 }]) {
      const g = measureGeometry(syntheticPoints(t));
      for (const k of Object.keys(base) as (keyof typeof base)[]) expect(g[k]).toBeCloseTo(base[k], 6);
    }
  });

  it('changes the right way on a horizontally stretched face', () => {
    const base = measureGeometry(syntheticPoints());
    const wide = measureGeometry(syntheticPoints({ k: 1.25 }));
    expect(wide.faceWidthToHeight).toBeGreaterThan(base.faceWidthToHeight * 1.2);
    expect(wide.eyeAspect).toBeLessThan(base.eyeAspect);
    expect(wide.noseLength).toBeCloseTo(base.noseLength, 6); // vertical ratio untouched
  });

  it('reports the expected values on the synthetic face', () => {
    const g = measureGeometry(syntheticPoints());
    expect(g.faceWidthToHeight).toBeCloseTo(210 / 260, 6);
    expect(g.eyeSpacing).toBeCloseTo(56 / 44, 6);
    expect(g.canthalTilt).toBeCloseTo(0, 6);
    const tilted = syntheticPoints();
    tilted[33][1] -= 5; tilted[263][1] -= 5; // outer corners up
    expect(measureGeometry(tilted).canthalTilt).toBeGreaterThan(3);
  });
});

describe('colour classification', () => {
  it('places typical iris, skin and extreme values in the right class', () => {
    expect(classifyEyeColour([32, 10, 20])).toBe('brown');
    expect(classifyEyeColour([55, -4, -14])).toBe('blue');
    expect(classifyEyeColour([50, -8, 14])).toBe('green');
    expect(classifySkin([75, 8, 14]).category).toBe('very light');
    expect(classifySkin([40, 12, 22]).category).toBe('brown');
  });
});

function paint(points: ReturnType<typeof syntheticPoints>, iris: [number, number, number]): Image8 {
  const w = 600, h = 600;
  const data = new Uint8Array(w * h * 3);
  const skin = labToRgb([68, 14, 18]);
  for (let i = 0; i < w * h; i++) data.set(skin, i * 3);
  for (const c of [points[468], points[473]]) {
    for (let y = -9; y <= 9; y++) for (let x = -9; x <= 9; x++) {
      if (x * x + y * y > 81) continue;
      const j = ((Math.round(c[1]) + y) * w + Math.round(c[0]) + x) * 3;
      data.set(x * x + y * y < 12 ? [10, 10, 10] : iris, j);
    }
  }
  return { width: w, height: h, channels: 3, data };
}

describe('parent analysis on a painted face', () => {
  it('eye colour follows a recoloured iris', () => {
    const pts = syntheticPoints();
    const brown = analyseParent(paint(pts, labToRgb([30, 12, 22])), syntheticFace(pts));
    const blue = analyseParent(paint(pts, labToRgb([52, -3, -22])), syntheticFace(pts));
    expect(brown.colour.eyeColour.value.category).toBe('brown');
    expect(blue.colour.eyeColour.value.category).toBe('blue');
    expect(brown.colour.skinTone.value.category).toBe('light');
  });

  it('refuses a missing face and a face turned away with a clear message', () => {
    const pts = syntheticPoints();
    expect(() => analyseParent(paint(pts, [0, 0, 0]), undefined)).toThrow(TraitError);
    const turned = syntheticFace(pts);
    turned.pose.yaw = 50;
    expect(() => analyseParent(paint(pts, [0, 0, 0]), turned)).toThrow(/turned too far/);
  });
});
