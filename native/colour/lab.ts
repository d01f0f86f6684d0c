// sRGB (8-bit) ↔ CIELAB (D65), for colour measurements that match perception
// (eye, skin and hair colour). Pure functions.

export type Lab = [L: number, a: number, b: number];

const D65 = [0.95047, 1.0, 1.08883] as const;

export function srgbToLinear(c8: number): number {
  const c = c8 / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function linearToSrgb8(c: number): number {
  const v = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.max(0, c) ** (1 / 2.4) - 0.055;
  return Math.max(0, Math.min(255, Math.round(v * 255)));
}

const f = (t: number): number => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
const finv = (t: number): number => (t ** 3 > 216 / 24389 ? t ** 3 : (116 * t - 16) / (24389 / 27));

export function rgbToLab(r8: number, g8: number, b8: number): Lab {
  const r = srgbToLinear(r8), g = srgbToLinear(g8), b = srgbToLinear(b8);
  const x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / D65[0];
  const y = (0.2126729 * r + 0.7151522 * g + 0.072175 * b) / D65[1];
  const z = (0.0193339 * r + 0.119192 * g + 0.9503041 * b) / D65[2];
  const fx = f(x), fy = f(y), fz = f(z);
  return [116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)];
}

export function labToRgb(lab: Lab): [number, number, number] {
  const fy = (lab[0] + 16) / 116;
  const x = finv(fy + lab[1] / 500) * D65[0];
  const y = finv(fy) * D65[1];
  const z = finv(fy - lab[2] / 200) * D65[2];
  const r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
  const g = -0.969266 * x + 1.8760108 * y + 0.041556 * z;
  const b = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
  return [linearToSrgb8(r), linearToSrgb8(g), linearToSrgb8(b)];
}

/** Component-wise median of Lab samples: robust to highlights and stray pixels. */
export function medianLab(samples: readonly Lab[]): Lab | null {
  if (samples.length === 0) return null;
  const med = (k: 0 | 1 | 2): number => {
    const v = samples.map((s) => s[k]).sort((p, q) => p - q);
    const m = v.length >> 1;
    return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
  };
  return [med(0), med(1), med(2)];
}
