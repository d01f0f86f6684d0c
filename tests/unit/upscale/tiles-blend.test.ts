// Tile layout, cross-fade weights and the streaming blender, on synthetic data whose
// right answer is known: tiles cut from one image must blend back into exactly that image.
import { describe, expect, it } from 'vitest';
import { SeamBlender } from '../../../native/upscale/blend';
import { axisWeight, iterateTiles, planAxis, planTiles, tileCount } from '../../../native/upscale/tiles';

describe('planAxis', () => {
  it.each([
    [1, 32, 8],
    [32, 32, 8],
    [33, 32, 8],
    [100, 32, 8],
    [100, 32, 0],
    [257, 64, 32],
  ])('length %i, tile %i, overlap %i: covers the axis with overlaps of exactly `overlap`', (len, tile, ov) => {
    const tiles = planAxis(len, tile, ov, 5);
    expect(tiles[0].start).toBe(0);
    expect(tiles[tiles.length - 1].end).toBe(len);
    for (let k = 0; k < tiles.length; k++) {
      const t = tiles[k];
      expect(t.end - t.start).toBeLessThanOrEqual(tile);
      if (tiles.length > 1) expect(t.end - t.start).toBeGreaterThan(ov);
      expect(t.readStart).toBe(Math.max(0, t.start - 5));
      expect(t.readEnd).toBe(Math.min(len, t.end + 5));
      if (k > 0) expect(tiles[k - 1].end - t.start).toBe(ov);
    }
  });

  it('rejects an overlap over half the tile and a tiny tile', () => {
    expect(() => planAxis(100, 32, 17, 0)).toThrow(/overlap must be/);
    expect(() => planAxis(100, 4, 0, 0)).toThrow(/tileSize/);
  });
});

describe('axisWeight', () => {
  it('sums to 1 at every pixel centre and ramps inside overlaps', () => {
    const tiles = planAxis(100, 32, 8, 0);
    for (let x = 0; x < 100; x++) {
      const u = x + 0.5;
      let sum = 0;
      for (let k = 0; k < tiles.length; k++) if (u >= tiles[k].start && u < tiles[k].end) sum += axisWeight(tiles, k, u);
      expect(sum).toBeCloseTo(1, 6);
    }
    // Second tile starts at 24; the overlap is 24..32 and its first pixel centre is 24.5 → 0.5/8.
    expect(axisWeight(tiles, 1, 24.5)).toBeCloseTo(0.0625, 9);
    expect(axisWeight(tiles, 0, 24.5)).toBeCloseTo(0.9375, 9);
  });
});

/** Blends tiles cut from a known float image and returns the 8-bit result. */
function blendKnown(width: number, height: number, tile: number, overlap: number, scale: number, f: (x: number, y: number, c: number) => number) {
  const plan = planTiles(width, height, tile, overlap, 3);
  const out = new Uint8Array(width * scale * height * scale * 3);
  const blender = new SeamBlender(plan, scale, out, 3);
  for (const t of iterateTiles(plan)) {
    const w = (t.x.readEnd - t.x.readStart) * scale;
    const h = (t.y.readEnd - t.y.readStart) * scale;
    const data = new Float32Array(3 * w * h);
    for (let c = 0; c < 3; c++)
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) data[c * w * h + y * w + x] = f(x + t.x.readStart * scale, y + t.y.readStart * scale, c);
    blender.add(t.col, t.row, { data, width: w, height: h, offsetX: (t.x.start - t.x.readStart) * scale, offsetY: (t.y.start - t.y.readStart) * scale });
  }
  return { out, plan, blender };
}

describe('SeamBlender', () => {
  it.each([
    [37, 29, 16, 4, 2],
    [50, 50, 20, 10, 4],
    [23, 41, 8, 0, 3],
    [12, 12, 64, 16, 4],
  ])('%i×%i tile %i overlap %i scale %i: reproduces the source image exactly', (w, h, tile, ov, s) => {
    const f = (x: number, y: number, c: number) => ((x * 7 + y * 13 + c * 50) % 256) / 255;
    const { out, plan } = blendKnown(w, h, tile, ov, s, f);
    expect(tileCount(plan)).toBeGreaterThan(0);
    let worst = 0;
    for (let y = 0; y < h * s; y++)
      for (let x = 0; x < w * s; x++)
        for (let c = 0; c < 3; c++) worst = Math.max(worst, Math.abs(out[(y * w * s + x) * 3 + c] - Math.round(f(x, y, c) * 255)));
    expect(worst).toBe(0);
  });

  it('cross-fades: tiles that disagree meet in a linear ramp, not a step', () => {
    // Each tile reports a constant equal to its column index × 0.5: across the single overlap
    // the output must ramp from 0 to 127.5 over `overlap × scale` pixels.
    const plan = planTiles(24, 4, 16, 8, 0);
    const out = new Uint8Array(24 * 4 * 3);
    const blender = new SeamBlender(plan, 1, out, 3);
    for (const t of iterateTiles(plan)) {
      const w = t.x.readEnd - t.x.readStart;
      const h = t.y.readEnd - t.y.readStart;
      blender.add(t.col, t.row, { data: new Float32Array(3 * w * h).fill(t.col * 0.5), width: w, height: h, offsetX: 0, offsetY: 0 });
    }
    const row = Array.from({ length: 24 }, (_, x) => out[x * 3]);
    expect(row.slice(0, 8)).toEqual(Array(8).fill(0));
    expect(row.slice(16)).toEqual(Array(8).fill(128));
    for (let x = 8; x < 16; x++) expect(row[x]).toBe(Math.round(((x - 8 + 0.5) / 8) * 127.5));
  });

  it('refuses tiles out of raster order', () => {
    const plan = planTiles(40, 40, 16, 4, 0);
    const blender = new SeamBlender(plan, 1, new Uint8Array(40 * 40 * 3), 3);
    expect(() => blender.add(1, 0, { data: new Float32Array(3 * 16 * 16), width: 16, height: 16, offsetX: 0, offsetY: 0 })).toThrow(/raster order/);
  });

  it('holds float memory that depends on width, tile and overlap but not on image height', () => {
    const held = (h: number) => new SeamBlender(planTiles(512, h, 128, 16, 16), 4, new Uint8Array(0), 3).floatsHeld();
    expect(held(100_000)).toBe(held(600));
    // 2 row strips of 2048×64 and 2 column strips of 64×512, × 3 channels.
    expect(held(600)).toBe(3 * (2 * 2048 * 64 + 2 * 64 * 512));
    // Every network input stays within tile + 2 × context, whatever the image size.
    const plan = planTiles(100_000, 100_000, 128, 16, 16);
    let worst = 0;
    for (const t of [plan.cols[0], plan.cols[1], plan.cols[plan.cols.length - 1]]) worst = Math.max(worst, t.readEnd - t.readStart);
    expect(worst).toBeLessThanOrEqual(128 + 32);
    expect(plan.cols.every((t) => t.readEnd - t.readStart <= 160)).toBe(true);
  });
});
