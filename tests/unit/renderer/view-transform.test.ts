import { describe, expect, it } from 'vitest';
import { clampPan, fitTransform, imagePointAt, MAX_SCALE, zoomAt } from '../../../renderer/src/lib/view-transform';
import { containBox, toCanvas } from '../../../renderer/src/lib/mesh';

describe('compare view transform', () => {
  const image = { width: 4000, height: 3000 };
  const viewport = { width: 800, height: 800 };

  it('fit shows the whole image centred', () => {
    const fit = fitTransform(image, viewport);
    expect(fit.scale).toBeCloseTo(0.2, 9);
    expect(fit).toMatchObject({ x: 0, y: 100 });
  });

  it('zooming keeps the image pixel under the cursor in place', () => {
    const fit = fitTransform(image, viewport);
    const cursor = { x: 300, y: 420 };
    const before = imagePointAt(fit, cursor);
    const zoomed = zoomAt(fit, 1, cursor, fit.scale);
    expect(zoomed.scale).toBe(1);
    const after = imagePointAt(zoomed, cursor);
    expect(after.x).toBeCloseTo(before.x, 6);
    expect(after.y).toBeCloseTo(before.y, 6);
  });

  it('zoom is bounded: half of fit at the low end, 8x at the top', () => {
    const fit = fitTransform(image, viewport);
    expect(zoomAt(fit, 0.001, { x: 0, y: 0 }, fit.scale).scale).toBeCloseTo(0.1, 9);
    expect(zoomAt(fit, 100, { x: 0, y: 0 }, fit.scale).scale).toBe(MAX_SCALE);
  });

  it('panning cannot push the image out of sight', () => {
    const lost = clampPan({ scale: 1, x: 10_000, y: -10_000 }, image, viewport);
    expect(lost.x).toBe(600);
    expect(lost.y).toBe(200 - 3000);
  });
});

describe('mesh overlay placement', () => {
  it('maps photo pixels into an object-fit: contain box', () => {
    const fit = containBox({ width: 1000, height: 500 }, { width: 200, height: 200 });
    expect(fit).toEqual({ scale: 0.2, offsetX: 0, offsetY: 50 });
    expect([...toCanvas([[500, 250, 0], [0, 0, 3]], fit)]).toEqual([100, 100, 0, 50]);
  });
});
