// Sampler update rules: one step from noise level `cur` to `next`, given the current sample x
// (model space, x = a·x0 + b·noise) and the guided clean estimate d. All rules are written on
// (a, b) and the ratio r = σ_next/σ = (b_next·a)/(a_next·b), never on σ alone, so flow models'
// pure-noise start (a = 0, σ = ∞) needs no special case. They update x in place.
//
//   first order (DDIM of Song et al. 2021 with η; Euler and Euler ancestral of Karras et al.):
//     ε̂ = (x - a·d)/b;  b_up = b_next·min(1, η·√(1 - r²));  b_down = √(b_next² - b_up²)
//     x ← a_next·d + b_down·ε̂ + b_up·z.
//     In σ-space this is Euler's method on the probability-flow ODE when η = 0, and k-diffusion's
//     ancestral step when η = 1; with a VP schedule b_up is exactly DDIM's σ_t(η). So DDIM(η=0)
//     and Euler are the same integrator: they differ by the grid they walk (uniform vs Karras).
//   DPM-Solver++(2M) (Lu et al. 2022), multistep second order in λ = log(a/b), h = λ_next - λ:
//     d' = (1 + 1/(2ρ))·d - 1/(2ρ)·d_prev with ρ = h_prev/h (d' = d on the first and last step),
//     x ← (b_next/b)·x + a_next·(1 - e^{-h})·d'   (e^{-h} = r).
//   LCM / multistep consistency (Song et al. 2023; Luo et al. 2023): the model's x0 is already
//     the end of the trajectory; jump there and re-noise to the next level with fresh noise:
//     x ← a_next·d + b_next·z.
import type { NoiseLevel } from './schedule';

/** σ_next/σ, written so that σ = ∞ (a = 0) gives 0 and σ_next = 0 gives 0. */
export function sigmaRatio(cur: NoiseLevel, next: NoiseLevel): number {
  if (next.b === 0) return 0;
  return (next.b * cur.a) / (next.a * cur.b);
}

export function firstOrderStep(x: Float32Array, d: Float32Array, cur: NoiseLevel, next: NoiseLevel, eta: number, z: Float32Array | null): void {
  if (next.b === 0) {
    x.set(d);
    return;
  }
  const r = sigmaRatio(cur, next);
  const bUp = eta > 0 ? next.b * Math.min(1, eta * Math.sqrt(Math.max(0, 1 - r * r))) : 0;
  const bDown = Math.sqrt(Math.max(0, next.b * next.b - bUp * bUp));
  const invB = 1 / cur.b;
  const ca = next.a - (bDown * cur.a) * invB; // coefficient of d once ε̂ is expanded
  const cx = bDown * invB;
  if (bUp > 0 && z) {
    for (let i = 0; i < x.length; i++) x[i] = ca * d[i] + cx * x[i] + bUp * z[i];
  } else {
    for (let i = 0; i < x.length; i++) x[i] = ca * d[i] + cx * x[i];
  }
}

export interface MultistepMemory {
  /** The previous step's clean estimate (preallocated, same length as x). */
  prev: Float32Array;
  /** The previous step's h; Infinity or NaN when there is none. */
  hPrev: number;
}

export function dpmpp2mStep(x: Float32Array, d: Float32Array, cur: NoiseLevel, next: NoiseLevel, mem: MultistepMemory): void {
  if (next.b === 0) {
    x.set(d);
    mem.hPrev = NaN;
    return;
  }
  const r = sigmaRatio(cur, next);
  const h = -Math.log(r); // Infinity when starting from pure noise (r = 0)
  let w0 = 1;
  let w1 = 0;
  if (Number.isFinite(mem.hPrev) && Number.isFinite(h)) {
    const rho = mem.hPrev / h;
    w0 = 1 + 1 / (2 * rho);
    w1 = -1 / (2 * rho);
  }
  const cx = next.b / cur.b;
  const cd = next.a * (1 - r);
  const prev = mem.prev;
  for (let i = 0; i < x.length; i++) {
    const di = d[i];
    x[i] = cx * x[i] + cd * (w0 * di + w1 * prev[i]);
    prev[i] = di;
  }
  mem.hPrev = h;
}

export function consistencyStep(x: Float32Array, d: Float32Array, next: NoiseLevel, z: Float32Array): void {
  if (next.b === 0) {
    x.set(d);
    return;
  }
  for (let i = 0; i < x.length; i++) x[i] = next.a * d[i] + next.b * z[i];
}
