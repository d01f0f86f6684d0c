// Procedural backdrops, rendered from the seed in linear light. Each is painted at a
// reduced size when the lens will blur it anyway (detail finer than the blur is invisible),
// blurred by the lens's disc, brought to canvas size, and then small bright points
// (city lights, fairy lights, snowflakes) are drawn as bokeh discs of the lens's blur size,
// because a blurred point of light is a disc, not a Gaussian smudge.
import type { Backdrop, RGB } from '../../themes/schema';
import type { Rng } from '../random/prng';
import { gaussianBlur } from './blur';
import { discSigma } from './lens';
import { fractalNoise } from './noise';
import { type Rgb, newRgb, resizeRgbBilinear } from './planes';

interface PointLight {
  x: number; // fractions of canvas width / height
  y: number;
  diameterPx: number;
  colour: RGB;
  /** 0..1 coverage-like opacity; lights add, flakes cover. */
  mode: 'add' | 'cover';
  opacity: number;
}

const smoothstep = (a: number, b: number, x: number) => {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)));
  return t * t * (3 - 2 * t);
};

function set(img: Rgb, i: number, r: number, g: number, b: number): void {
  img.r[i] = r; img.g[i] = g; img.b[i] = b;
}

/** Draws an anti-aliased disc; real bokeh discs are a little brighter at their rim. */
export function drawDisc(img: Rgb, cx: number, cy: number, radius: number, colour: RGB, opacity: number, mode: 'add' | 'cover'): void {
  const r = Math.max(0.5, radius);
  const x0 = Math.max(0, Math.floor(cx - r - 1)), x1 = Math.min(img.width - 1, Math.ceil(cx + r + 1));
  const y0 = Math.max(0, Math.floor(cy - r - 1)), y1 = Math.min(img.height - 1, Math.ceil(cy + r + 1));
  const edge = Math.max(1, r * 0.08);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      const cover = Math.min(1, Math.max(0, (r - d) / edge + 0.5));
      if (cover <= 0) continue;
      const a = cover * opacity * (mode === 'add' ? 0.85 + 0.25 * (d / r) ** 4 : 1);
      const i = y * img.width + x;
      if (mode === 'add') {
        img.r[i] += colour[0] * a; img.g[i] += colour[1] * a; img.b[i] += colour[2] * a;
      } else {
        img.r[i] += (colour[0] - img.r[i]) * a; img.g[i] += (colour[1] - img.g[i]) * a; img.b[i] += (colour[2] - img.b[i]) * a;
      }
    }
  }
}

function studioPaper(bd: Extract<Backdrop, { kind: 'studio-paper' }>, w: number, h: number, rng: Rng): Rgb {
  const img = newRgb(w, h);
  const n1 = fractalNoise(rng.fork('mottle'), w, h, h / 4, 5);
  const n2 = fractalNoise(rng.fork('hue'), w, h, h / 3, 3);
  const r2 = bd.poolRadius * bd.poolRadius;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const dx = ((x + 0.5) / w - bd.poolCentre[0]) * (w / h), dy = (y + 0.5) / h - bd.poolCentre[1];
      const t = Math.exp(-(dx * dx + dy * dy) / r2);
      const m = Math.exp((n1.data[i] - 0.5) * bd.mottle * 2.2);
      const hue = (n2.data[i] - 0.5) * bd.mottle * 0.25;
      set(img, i,
        (bd.edge[0] + (bd.centre[0] - bd.edge[0]) * t) * m * (1 + hue),
        (bd.edge[1] + (bd.centre[1] - bd.edge[1]) * t) * m,
        (bd.edge[2] + (bd.centre[2] - bd.edge[2]) * t) * m * (1 - hue));
    }
  }
  return img;
}

function skySun(bd: Extract<Backdrop, { kind: 'sky-sun' }>, w: number, h: number, rng: Rng): Rgb {
  const img = newRgb(w, h);
  const clouds = fractalNoise(rng.fork('clouds'), w, h, w / 3, 5, 0.3);
  const ground = fractalNoise(rng.fork('ground'), w, h, w / 30, 4, 0.25);
  const treeLine = fractalNoise(rng.fork('trees'), w, 1, w / 12, 4);
  const hy = bd.horizonY;
  const sun = bd.sun;
  for (let y = 0; y < h; y++) {
    const v = (y + 0.5) / h;
    for (let x = 0; x < w; x++) {
      const u = (x + 0.5) / w;
      const i = y * w + x;
      const ds = Math.hypot((u - sun.position[0]) * (w / h), v - sun.position[1]);
      // Sun: a disc, a tight glow and a wide warm haze (forward scattering in the air).
      const sunLight = (ds < sun.radius ? 4 : 0) + sun.glow * (0.35 * Math.exp(-ds / 0.06) + 0.18 * Math.exp(-ds / 0.35));
      let r: number, g: number, b: number;
      if (v < hy || bd.ground === 'none') {
        const t = Math.pow(Math.min(1, v / Math.max(1e-3, hy)), 1.6);
        r = bd.zenith[0] + (bd.horizon[0] - bd.zenith[0]) * t;
        g = bd.zenith[1] + (bd.horizon[1] - bd.zenith[1]) * t;
        b = bd.zenith[2] + (bd.horizon[2] - bd.zenith[2]) * t;
        const c = smoothstep(0.48, 0.75, clouds.data[i]) * bd.clouds;
        const lit = 0.7 + 0.6 * Math.exp(-ds / 0.3);
        r += (bd.horizon[0] * 0.8 * lit - r) * c; g += (bd.horizon[1] * 0.7 * lit - g) * c; b += (bd.horizon[2] * 0.75 * lit - b) * c;
        r += sun.colour[0] * sunLight; g += sun.colour[1] * sunLight; b += sun.colour[2] * sunLight;
        if (bd.ground === 'meadow') {
          // A soft line of distant trees sitting on the horizon, hazed by the low sun.
          const top = hy - 0.02 - 0.07 * treeLine.data[x];
          if (v > top) {
            const haze = 0.55;
            const tr = bd.groundColour[0] * 0.6, tg = bd.groundColour[1] * 0.6, tb = bd.groundColour[2] * 0.6;
            const a = smoothstep(top, top + 0.01, v);
            r += (tr + (bd.horizon[0] - tr) * haze + sun.colour[0] * sunLight * 0.4 - r) * a;
            g += (tg + (bd.horizon[1] - tg) * haze + sun.colour[1] * sunLight * 0.4 - g) * a;
            b += (tb + (bd.horizon[2] - tb) * haze + sun.colour[2] * sunLight * 0.4 - b) * a;
          }
        }
      } else if (bd.ground === 'meadow') {
        const depth = (v - hy) / (1 - hy);
        const tex = 0.55 + 0.9 * ground.data[i];
        const haze = Math.exp(-depth / 0.25) * 0.7;
        r = bd.groundColour[0] * tex; g = bd.groundColour[1] * tex; b = bd.groundColour[2] * tex;
        r += (bd.horizon[0] * 0.7 - r) * haze; g += (bd.horizon[1] * 0.7 - g) * haze; b += (bd.horizon[2] * 0.7 - b) * haze;
        r += sun.colour[0] * sunLight * 0.35; g += sun.colour[1] * sunLight * 0.35; b += sun.colour[2] * sunLight * 0.35;
      } else {
        const seaDepth = 0.14;
        if (v < hy + seaDepth) {
          const t = (v - hy) / seaDepth;
          r = bd.horizon[0] * 0.45 * (1 - t) + bd.zenith[0] * 0.45 * t;
          g = bd.horizon[1] * 0.45 * (1 - t) + bd.zenith[1] * 0.45 * t;
          b = bd.horizon[2] * 0.45 * (1 - t) + bd.zenith[2] * 0.5 * t;
          // The sun's path on the water: a column of glitter below the sun.
          const col = Math.exp(-(((u - sun.position[0]) * (w / h)) ** 2) / (0.0015 + 0.01 * t));
          const glitter = col * smoothstep(0.45, 0.8, ground.data[i]) * 1.4;
          r += sun.colour[0] * glitter; g += sun.colour[1] * glitter; b += sun.colour[2] * glitter;
        } else {
          const tex = 0.8 + 0.4 * ground.data[i];
          const t = Math.min(1, (v - hy - seaDepth) / 0.05);
          // Wet sand at the water line reflects the sky, dry sand further up the beach.
          r = bd.groundColour[0] * tex * (0.6 + 0.4 * t) + bd.horizon[0] * 0.2 * (1 - t);
          g = bd.groundColour[1] * tex * (0.6 + 0.4 * t) + bd.horizon[1] * 0.2 * (1 - t);
          b = bd.groundColour[2] * tex * (0.6 + 0.4 * t) + bd.horizon[2] * 0.2 * (1 - t);
        }
        r += sun.colour[0] * sunLight * 0.25; g += sun.colour[1] * sunLight * 0.25; b += sun.colour[2] * sunLight * 0.25;
      }
      set(img, i, r, g, b);
    }
  }
  return img;
}

function snow(bd: Extract<Backdrop, { kind: 'snow' }>, w: number, h: number, rng: Rng, lights: PointLight[]): Rgb {
  const img = newRgb(w, h);
  const tex = fractalNoise(rng.fork('snow'), w, h, w / 10, 4);
  const hy = bd.horizonY;
  for (let y = 0; y < h; y++) {
    const v = (y + 0.5) / h;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      if (v < hy) {
        const t = v / hy;
        const k = 0.55 + 0.6 * t;
        set(img, i, bd.sky[0] * k, bd.sky[1] * k, bd.sky[2] * k);
      } else {
        const k = 0.75 + 0.35 * tex.data[i] - 0.25 * ((v - hy) / (1 - hy));
        set(img, i, bd.ground[0] * k, bd.ground[1] * k, bd.ground[2] * k);
      }
    }
  }
  // Fir trees in three rows, far rows paler (aerial haze); fairy lights hang in the near rows.
  const trees = rng.fork('trees');
  for (let row = 0; row < 3; row++) {
    const haze = [0.65, 0.4, 0.12][row];
    const count = [16, 11, 7][row];
    const scale = [0.22, 0.34, 0.5][row];
    const base = hy + [0.0, 0.03, 0.07][row];
    for (let t = 0; t < count; t++) {
      const cx = trees.range(-0.05, 1.05) * w;
      const th = scale * trees.range(0.7, 1.3) * h;
      const tw = th * trees.range(0.32, 0.42);
      const by = base * h + trees.range(0, 0.02) * h;
      const col: RGB = [0, 1, 2].map((c) => bd.trees[c] + (bd.sky[c] * 0.8 - bd.trees[c]) * haze) as RGB;
      for (let y = Math.max(0, Math.floor(by - th)); y < Math.min(h, by); y++) {
        const f = (y - (by - th)) / th;
        // Layered branches: the half-width saw-tooths down the trunk like a real spruce.
        const half = tw * 0.5 * f * (0.75 + 0.25 * ((f * 6) % 1));
        for (let x = Math.max(0, Math.floor(cx - half)); x < Math.min(w, cx + half); x++) {
          const i = y * w + x;
          const snowy = ((f * 6) % 1) < 0.18 ? 0.5 : 0;
          set(img, i, col[0] + (bd.ground[0] * 0.8 - col[0]) * snowy, col[1] + (bd.ground[1] * 0.8 - col[1]) * snowy, col[2] + (bd.ground[2] * 0.8 - col[2]) * snowy);
        }
        if (row > 0 && trees.next() < bd.lights / (count * th * 2)) {
          lights.push({ x: (cx + trees.range(-half, half)) / w, y: y / h, diameterPx: 0, colour: bd.lightColour, mode: 'add', opacity: trees.range(0.4, 1) });
        }
      }
    }
  }
  return img;
}

function bokehBase(bd: Extract<Backdrop, { kind: 'bokeh-lights' }>, w: number, h: number, rng: Rng, lights: PointLight[]): Rgb {
  const img = newRgb(w, h);
  const shapes = fractalNoise(rng.fork('buildings'), w, h, w / 5, 3, 2);
  for (let y = 0; y < h; y++) {
    const t = (y + 0.5) / h;
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const k = 0.6 + 0.9 * shapes.data[i];
      set(img, i, (bd.top[0] + (bd.bottom[0] - bd.top[0]) * t) * k, (bd.top[1] + (bd.bottom[1] - bd.top[1]) * t) * k, (bd.top[2] + (bd.bottom[2] - bd.top[2]) * t) * k);
    }
  }
  const r = rng.fork('lights');
  for (let i = 0; i < bd.count; i++) {
    const c = bd.palette[Math.floor(r.next() * bd.palette.length)];
    const k = bd.brightness * r.range(0.15, 1);
    lights.push({ x: r.next(), y: r.range(bd.band[0], bd.band[1]), diameterPx: r.range(0.55, 1.15), colour: [c[0] * k, c[1] * k, c[2] * k], mode: 'add', opacity: 1 });
  }
  return img;
}

function foliage(bd: Extract<Backdrop, { kind: 'foliage' }>, w: number, h: number, rng: Rng): Rgb {
  const img = newRgb(w, h);
  const big = fractalNoise(rng.fork('masses'), w, h, h / 4, 4);
  const leaves = fractalNoise(rng.fork('leaves'), w, h, h / 30, 3);
  const sun = fractalNoise(rng.fork('dapple'), w, h, h / 9, 3);
  const pal = bd.leaves;
  for (let i = 0; i < w * h; i++) {
    const t = Math.min(0.999, Math.max(0, (big.data[i] - 0.2) / 0.6)) * (pal.length - 1);
    const j = Math.floor(t), f = t - j;
    const k = 0.55 + 0.9 * leaves.data[i];
    const d = smoothstep(0.6, 0.78, sun.data[i]) * bd.dapple;
    const top = pal[pal.length - 1];
    set(img, i,
      (pal[j][0] + (pal[j + 1][0] - pal[j][0]) * f) * k + top[0] * d * 1.2,
      (pal[j][1] + (pal[j + 1][1] - pal[j][1]) * f) * k + top[1] * d * 1.2,
      (pal[j][2] + (pal[j + 1][2] - pal[j][2]) * f) * k + top[2] * d * 0.9);
  }
  if (bd.flowers.length) {
    const r = rng.fork('flowers');
    const count = Math.round(bd.flowerDensity * 400);
    for (let i = 0; i < count; i++) {
      const c = bd.flowers[Math.floor(r.next() * bd.flowers.length)];
      const k = r.range(0.5, 1.1);
      drawDisc(img, r.next() * w, r.range(0.05, 1) * h, r.range(0.004, 0.018) * h, [c[0] * k, c[1] * k, c[2] * k], 1, 'cover');
    }
  }
  return img;
}

/**
 * The backdrop at canvas size, already blurred by the lens.
 * `blurDiameterPx`: the lens's blur disc for the backdrop's distance.
 */
export function renderBackdrop(bd: Backdrop, width: number, height: number, blurDiameterPx: number, rng: Rng): Rgb {
  const sigma = discSigma(blurDiameterPx);
  // Paint at 1/f size: the blur hides anything finer, and even a sharp backdrop has no detail
  // at the pixel scale (points of light and flakes are drawn afterwards at full size). f ≤ 4 keeps shapes' edges right.
  const f = Math.max(2, Math.min(4, Math.floor(sigma / 1.5)));
  const w = Math.ceil(width / f), h = Math.ceil(height / f);
  const lights: PointLight[] = [];
  const paint = rng.fork('paint');
  let base: Rgb;
  switch (bd.kind) {
    case 'studio-paper': base = studioPaper(bd, w, h, paint); break;
    case 'sky-sun': base = skySun(bd, w, h, paint); break;
    case 'snow': base = snow(bd, w, h, paint, lights); break;
    case 'bokeh-lights': base = bokehBase(bd, w, h, paint, lights); break;
    case 'foliage': base = foliage(bd, w, h, paint); break;
  }
  const s = sigma / f;
  const blurred: Rgb = {
    width: w, height: h,
    r: gaussianBlur({ width: w, height: h, data: base.r }, s).data,
    g: gaussianBlur({ width: w, height: h, data: base.g }, s).data,
    b: gaussianBlur({ width: w, height: h, data: base.b }, s).data,
  };
  const out = f > 1 || w !== width ? resizeRgbBilinear(blurred, width, height) : blurred;
  const disc = Math.max(2.5, blurDiameterPx);
  for (const l of lights) {
    const d = l.diameterPx > 0 ? l.diameterPx * disc : disc * 0.8;
    // A point's light spreads over its disc: small discs are brighter per pixel.
    const energy = Math.min(1, 12 / d) * 0.6 + 0.4;
    drawDisc(out, l.x * width, l.y * height, d / 2, l.colour, l.opacity * energy, l.mode);
  }
  if (bd.kind === 'snow') {
    const r = rng.fork('flakes');
    const count = Math.round((bd.flakesPerMegapixel * width * height) / 1e6);
    for (let i = 0; i < count; i++) {
      // Flakes nearer the lens are bigger and softer; most are small.
      const size = 1 + 5 * r.next() ** 3;
      drawDisc(out, r.next() * width, r.next() * height, size, [0.9, 0.92, 1.0], r.range(0.25, 0.7) / Math.sqrt(size), 'cover');
    }
  }
  return out;
}
