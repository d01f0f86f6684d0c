// Colour temperature → linear sRGB colour of a light, normalised so 6504 K (≈ D65, the
// sRGB white) is neutral and every colour has luminance 1 (temperature changes hue, not
// brightness). The chromaticity is Kim et al.'s cubic fit to the Planckian locus (2002),
// valid from 1667 K to 25000 K; outside that range the end values are used.
import { LUMA } from './colour';

export type Rgb3 = [number, number, number];

function planckXy(kelvin: number): [number, number] {
  const t = Math.min(25000, Math.max(1667, kelvin));
  const t1 = 1e3 / t, t2 = t1 * t1, t3 = t2 * t1;
  const x = t <= 4000
    ? -0.2661239 * t3 - 0.234358 * t2 + 0.8776956 * t1 + 0.17991
    : -3.0258469 * t3 + 2.1070379 * t2 + 0.2226347 * t1 + 0.24039;
  const x2 = x * x, x3 = x2 * x;
  const y = t <= 2222
    ? -1.1063814 * x3 - 1.3481102 * x2 + 2.18555832 * x - 0.20219683
    : t <= 4000
      ? -0.9549476 * x3 - 1.37418593 * x2 + 2.09137015 * x - 0.16748867
      : 3.081758 * x3 - 5.8733867 * x2 + 3.75112997 * x - 0.37001483;
  return [x, y];
}

function xyToLinearSrgb(x: number, y: number): Rgb3 {
  const X = x / y, Y = 1, Z = (1 - x - y) / y;
  return [
    3.2404542 * X - 1.5371385 * Y - 0.4985314 * Z,
    -0.969266 * X + 1.8760108 * Y + 0.041556 * Z,
    0.0556434 * X - 0.2040259 * Y + 1.0572252 * Z,
  ];
}

const whiteRef = xyToLinearSrgb(...planckXy(6504));

export function kelvinToRgb(kelvin: number): Rgb3 {
  const c = xyToLinearSrgb(...planckXy(kelvin));
  // Divide by the locus white so 6504 K maps to grey (the locus misses D65 by a hair);
  // very warm lights fall outside sRGB in blue, so clamp at a small positive value.
  const rgb = c.map((v, i) => Math.max(1e-3, v / whiteRef[i])) as Rgb3;
  const l = LUMA[0] * rgb[0] + LUMA[1] * rgb[1] + LUMA[2] * rgb[2];
  return [rgb[0] / l, rgb[1] / l, rgb[2] / l];
}
