// Smooth seeded noise for procedural backdrops: value noise on a lattice (one random value
// per lattice point, smoothstep interpolation), summed over octaves (fractal noise).
import type { Rng } from '../random/prng';
import { type Plane, newPlane } from './planes';

/** One octave: lattice cell of `cell` pixels (cellY may differ, for streaks). Values in 0..1. */
export function valueNoise(rng: Rng, width: number, height: number, cell: number, cellY = cell): Plane {
  const gw = Math.ceil(width / cell) + 2, gh = Math.ceil(height / cellY) + 2;
  const grid = new Float32Array(gw * gh);
  for (let i = 0; i < grid.length; i++) grid[i] = rng.next();
  const out = newPlane(width, height);
  for (let y = 0; y < height; y++) {
    const gy = y / cellY, iy = Math.floor(gy);
    let ty = gy - iy;
    ty = ty * ty * (3 - 2 * ty);
    for (let x = 0; x < width; x++) {
      const gx = x / cell, ix = Math.floor(gx);
      let tx = gx - ix;
      tx = tx * tx * (3 - 2 * tx);
      const i = iy * gw + ix;
      const a = grid[i] + (grid[i + 1] - grid[i]) * tx;
      const b = grid[i + gw] + (grid[i + gw + 1] - grid[i + gw]) * tx;
      out.data[y * width + x] = a + (b - a) * ty;
    }
  }
  return out;
}

/** Fractal noise: octaves halving in size and weight; result roughly 0..1, mean 0.5. */
export function fractalNoise(rng: Rng, width: number, height: number, cell: number, octaves: number, stretchY = 1): Plane {
  const out = newPlane(width, height);
  let amp = 1, total = 0, c = cell;
  for (let o = 0; o < octaves && c >= 1; o++, c /= 2, amp *= 0.5) {
    const n = valueNoise(rng, width, height, c, c * stretchY);
    for (let i = 0; i < out.data.length; i++) out.data[i] += n.data[i] * amp;
    total += amp;
  }
  for (let i = 0; i < out.data.length; i++) out.data[i] /= total;
  return out;
}
