// Detail-preservation image math on synthetic planes with known answers.
import { describe, expect, it } from 'vitest';
import { bilinearUpscale, featherPlane, gaussianBlur, lanczosUpscale, lumaPlanar, restoreFineDetail } from '../../../native/upscale/detail';
import { fineDetailEnergy } from '../../../native/upscale/detail-metric';

const plane = (w: number, h: number, f: (x: number, y: number) => number) => {
  const p = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) p[y * w + x] = f(x, y);
  return p;
};
const maxDiff = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe('gaussianBlur', () => {
  it('keeps a constant, keeps the mass of an impulse and spreads it symmetrically', () => {
    expect(maxDiff(gaussianBlur(plane(9, 7, () => 0.3), 9, 7, 1.5), plane(9, 7, () => 0.3))).toBeLessThan(1e-6);
    const imp = plane(21, 21, (x, y) => (x === 10 && y === 10 ? 1 : 0));
    const b = gaussianBlur(imp, 21, 21, 2);
    expect(b.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
    expect(b[10 * 21 + 8]).toBeCloseTo(b[10 * 21 + 12], 7);
    expect(b[8 * 21 + 10]).toBeCloseTo(b[10 * 21 + 8], 7);
    // Separable Gaussian: value at 2 px off-centre / centre = exp(−4 / (2σ²)) = exp(−0.5).
    expect(b[10 * 21 + 12] / b[10 * 21 + 10]).toBeCloseTo(Math.exp(-0.5), 3);
  });
});

describe('lanczosUpscale and bilinearUpscale', () => {
  it('keep a constant exactly and follow a linear ramp away from the edges', () => {
    expect(maxDiff(lanczosUpscale(plane(6, 5, () => 0.7), 6, 5, 4), plane(24, 20, () => 0.7))).toBeLessThan(1e-6);
    const ramp = lanczosUpscale(plane(16, 4, (x) => x / 16), 16, 4, 4);
    // Output pixel X sits at input coordinate (X + 0.5)/4 − 0.5; windowed sinc is linear to ~1e-3.
    for (let X = 16; X < 48; X++) expect(Math.abs(ramp[8 * 64 + X] - ((X + 0.5) / 4 - 0.5) / 16)).toBeLessThan(2e-3);
    const bl = bilinearUpscale(plane(4, 4, (x) => x), 4, 4, 2);
    expect([...bl.slice(0, 8)]).toEqual([0, 0.25, 0.75, 1.25, 1.75, 2.25, 2.75, 3]);
  });
});

describe('featherPlane', () => {
  it('softens a hard edge into a monotonic ramp that stays within 0..1', () => {
    const hard = plane(32, 1, (x) => (x < 16 ? 1 : 0));
    const soft = featherPlane(hard, 32, 1, 4);
    expect(soft[15]).toBeGreaterThan(0.5);
    expect(soft[15]).toBeLessThan(1);
    expect(soft[16]).toBeLessThan(0.5);
    for (let x = 1; x < 32; x++) expect(soft[x]).toBeLessThanOrEqual(soft[x - 1] + 1e-7);
    expect(Math.min(...soft)).toBeGreaterThanOrEqual(0);
  });
});

describe('restoreFineDetail', () => {
  const W = 32;
  const H = 32;
  const flat = () => new Float32Array(3 * W * H).fill(0.5);

  it('puts back fine texture the network removed, inside the mask only', () => {
    // The input's texture is a 1-pixel checkerboard (±0.1): all of it is finer than σ.
    const checker = plane(W, H, (x, y) => 0.5 + ((x + y) % 2 ? 0.1 : -0.1));
    const mask = plane(W, H, (x) => (x < 16 ? 1 : 0));
    const rgb = flat();
    restoreFineDetail(rgb, W, H, checker, mask, 4, 1);
    const y = lumaPlanar(rgb, W, H);
    // Inside the mask (away from the edge) the checkerboard is back at nearly full contrast.
    expect(Math.abs(y[16 * W + 4] - y[16 * W + 5])).toBeGreaterThan(0.19);
    // Outside the mask nothing changed.
    expect(y[16 * W + 24]).toBeCloseTo(0.5, 6);
    // Grey stays grey: the same amount goes to R, G and B.
    expect(rgb[16 * W + 4]).toBeCloseTo(rgb[W * H + 16 * W + 4], 6);
  });

  it('leaves shading (coarser than σ) and an already-matching image alone', () => {
    const gradient = plane(W, H, (x) => 0.2 + (0.6 * x) / W);
    const rgb = flat();
    restoreFineDetail(rgb, W, H, gradient, plane(W, H, () => 1), 4, 1);
    const y = lumaPlanar(rgb, W, H);
    // A linear ramp has no fine band: interior pixels stay at the network's 0.5.
    for (let x = 12; x < 20; x++) expect(y[16 * W + x]).toBeCloseTo(0.5, 2);
    const same = flat();
    restoreFineDetail(same, W, H, lumaPlanar(flat(), W, H), plane(W, H, () => 1), 4, 1);
    expect(maxDiff(same, flat())).toBeLessThan(1e-6);
  });
});

describe('fineDetailEnergy', () => {
  it('is zero for a flat image and the checkerboard energy for a 1-px checkerboard', () => {
    const s = 2;
    const w = 16;
    const mask = { width: w, height: w, data: new Float32Array(w * w).fill(1) };
    const mk = (f: (x: number, y: number) => number) => {
      const data = new Uint8Array(w * s * w * s * 3);
      for (let y = 0; y < w * s; y++) for (let x = 0; x < w * s; x++) data.fill(f(Math.floor(x / s), Math.floor(y / s)), (y * w * s + x) * 3, (y * w * s + x) * 3 + 3);
      return { width: w * s, height: w * s, channels: 3 as const, data };
    };
    expect(fineDetailEnergy(mk(() => 128), mask, s)).toBe(0);
    const e = fineDetailEnergy(mk((x, y) => ((x + y) % 2 ? 153 : 102)), mask, s);
    // ±0.1 checkerboard; a σ=1 Gaussian keeps a fraction g of its amplitude, so energy = (0.1(1 − g))².
    const k = [-3, -2, -1, 0, 1, 2, 3].map((i) => Math.exp(-i * i / 2));
    const g = (k.reduce((a, v, i) => a + (i % 2 ? -v : v), 0) / k.reduce((a, v) => a + v, 0)) ** 2;
    expect(e).toBeCloseTo((0.1 * (1 + g)) ** 2, 4);
  });
});

describe('faceMaskFromBoxes', () => {
  it('fills an ellipse inscribed in each (grown) box and nothing else', async () => {
    const { faceMaskFromBoxes } = await import('../../../native/upscale/face-mask');
    const m = faceMaskFromBoxes(40, 20, [{ x: 0, y: 0, width: 20, height: 20 }, { x: 30, y: 5, width: 10, height: 10 }], 1);
    expect(m.data[10 * 40 + 10]).toBe(1); // centre of the first box
    expect(m.data[0]).toBe(0); // its corner lies outside the ellipse
    expect(m.data[10 * 40 + 35]).toBe(1); // centre of the second box
    expect(m.data[10 * 40 + 25]).toBe(0); // between the boxes
    // Area of a 20×20 inscribed disc ≈ π·10² = 314 pixels (± the rim).
    const first = Array.from({ length: 20 * 20 }, (_, i) => m.data[Math.floor(i / 20) * 40 + (i % 20)]).reduce((a, b) => a + b, 0);
    expect(Math.abs(first - Math.PI * 100)).toBeLessThan(12);
    expect(() => faceMaskFromBoxes(4, 4, [{ x: 0, y: 0, width: 0, height: 2 }])).toThrow(/positive size/);
  });
});

describe('restoreFineDetail edge guard', () => {
  it('keeps a sharp edge the network drew, yet restores texture on flat skin', () => {
    const W = 48;
    const H = 16;
    const n = W * H;
    // Network: a hard step at x = 24 (0.2 → 0.8). Lanczos: the same step blurred, plus a faint checkerboard.
    const rgb = new Float32Array(3 * n);
    const lanczosY = new Float32Array(n);
    for (let y = 0; y < H; y++)
      for (let x = 0; x < W; x++) {
        const v = x < 24 ? 0.2 : 0.8;
        rgb[y * W + x] = rgb[n + y * W + x] = rgb[2 * n + y * W + x] = v;
        lanczosY[y * W + x] = 0.2 + 0.6 / (1 + Math.exp(-(x - 23.5) / 2)) + ((x + y) % 2 ? 0.01 : -0.01);
      }
    const ones = new Float32Array(n).fill(1);
    const guarded = rgb.slice();
    restoreFineDetail(guarded, W, H, lanczosY, ones, 4, 1, 0.02);
    const unguarded = rgb.slice();
    restoreFineDetail(unguarded, W, H, lanczosY, ones, 4, 1);
    const edgeChange = (a: Float32Array) => Math.abs(a[8 * W + 24] - rgb[8 * W + 24]);
    // Without the guard the edge is pulled well toward the blurred Lanczos edge; with it, barely.
    expect(edgeChange(unguarded)).toBeGreaterThan(0.05);
    expect(edgeChange(guarded)).toBeLessThan(0.2 * edgeChange(unguarded));
    // Far from the edge (x = 4) the checkerboard comes back nearly in full.
    expect(Math.abs(guarded[8 * W + 4] - guarded[8 * W + 5])).toBeGreaterThan(0.015);
  });
});
