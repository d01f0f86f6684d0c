// Themes are data: one JSON file per theme in this folder, checked against this schema.
// Every value is in photographic terms (mm, f-number, kelvin, degrees, EV) so a
// photographer can read and edit a theme without reading the compositor.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ASPECTS, SAMPLERS, SEED_POLICIES, SKY_GROUNDS } from './choices';
import { fieldPath } from './field-path';

/** Linear-light RGB multipliers or colours, each 0..4 (above 1 only for lights). */
const rgb = z.tuple([z.number().min(0).max(4), z.number().min(0).max(4), z.number().min(0).max(4)]);
/** A point in the canvas as fractions of its width and height. */
const canvasPoint = z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]);
/** 1000 K (candle) to 20000 K (blue sky shade) covers every light a portrait meets. */
const kelvin = z.number().min(1000).max(20000);

const studioPaper = z.strictObject({
  kind: z.literal('studio-paper'),
  /** Paper colour at the centre of the light pool and at the far corners (linear RGB). */
  centre: rgb,
  edge: rgb,
  /** Where the backdrop light pool sits and how wide it is (fraction of canvas height). */
  poolCentre: canvasPoint,
  poolRadius: z.number().min(0.05).max(3),
  /** Painted-canvas mottling, 0 (seamless paper) to 1 (heavy Old Masters texture). */
  mottle: z.number().min(0).max(1),
});

const skySun = z.strictObject({
  kind: z.literal('sky-sun'),
  zenith: rgb,
  horizon: rgb,
  /** Horizon line height (fraction of canvas height from the top). */
  horizonY: z.number().min(0).max(1),
  sun: z.strictObject({ position: canvasPoint, colour: rgb, radius: z.number().min(0).max(0.5), glow: z.number().min(0).max(4) }),
  /** What lies below the horizon: a field of grass, the sea then sand, or a city street. */
  ground: z.enum(SKY_GROUNDS),
  groundColour: rgb,
  clouds: z.number().min(0).max(1),
});

const snow = z.strictObject({
  kind: z.literal('snow'),
  sky: rgb,
  trees: rgb,
  ground: rgb,
  horizonY: z.number().min(0).max(1),
  /** Falling flakes per megapixel of canvas. */
  flakesPerMegapixel: z.number().min(0).max(5000),
  /** Warm string lights hanging in the trees, 0 = none. */
  lights: z.number().int().min(0).max(400),
  lightColour: rgb,
});

const bokehLights = z.strictObject({
  kind: z.literal('bokeh-lights'),
  /** Night base: dark colour at the top and at the bottom of the frame. */
  top: rgb,
  bottom: rgb,
  count: z.number().int().min(0).max(600),
  /** Palette the lights are drawn from (street lamps, shop windows, tail lights). */
  palette: z.array(rgb).min(1).max(12),
  /** Brightness of a light relative to the base. */
  brightness: z.number().min(0).max(20),
  /** The band of the frame where the lights sit (fractions of height). */
  band: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]),
});

const foliage = z.strictObject({
  kind: z.literal('foliage'),
  /** Leaf colours from deep shade to sunlit, and flower colours sprinkled in. */
  leaves: z.array(rgb).min(2).max(8),
  flowers: z.array(rgb).max(8),
  flowerDensity: z.number().min(0).max(1),
  /** Sunlight through leaves: brightness of the dappled highlights. */
  dapple: z.number().min(0).max(4),
});

export const backdropSchema = z.discriminatedUnion('kind', [studioPaper, skySun, snow, bokehLights, foliage]);

const personPlacement = z.strictObject({
  /** Where the midpoint between the eyes goes. */
  eyeCentre: canvasPoint,
  /** Distance between the eye centres as a fraction of canvas width (sets head size). */
  eyeDistance: z.number().min(0.02).max(0.4),
  /** Head tilt in degrees, positive = clockwise in the image (leaning to the right). */
  tiltDeg: z.number().min(-45).max(45),
});

const layoutSchema = z.strictObject({
  /** people[0] is person A (the first selfie), people[1] person B. */
  people: z.tuple([personPlacement, personPlacement]),
  /** Which person is nearer the camera and drawn over the other where they overlap. */
  front: z.union([z.literal(0), z.literal(1)]),
  /** Mirror a selfie when the person looks away from their partner, so the two face each other. */
  faceEachOther: z.boolean(),
  /**
   * Selfies end at mid-chest. When a selfie's frame would end above the bottom of the picture,
   * crop in (enlarge the couple about their midpoint, up to maxZoom) like a photographer
   * framing tighter, rather than invent a body.
   */
  fitToPhotos: z.boolean(),
  maxZoom: z.number().min(1).max(2),
});

const lensSchema = z.strictObject({
  focalLengthMm: z.number().min(14).max(600),
  /** f-number: 1.4 gives a creamy background, 2.8 keeps context, 8 keeps everything sharp. */
  aperture: z.number().min(0.95).max(32),
  /** How far behind the couple the backdrop stands, in metres (sets its blur with the lens). */
  backgroundDistanceM: z.number().min(0.3).max(10000),
});

const lightSchema = z.strictObject({
  key: z.strictObject({
    /** Degrees from the camera axis, positive = light from the image's right. */
    azimuthDeg: z.number().min(-180).max(180),
    /** Degrees above the subject's eye line. */
    elevationDeg: z.number().min(-60).max(90),
    temperatureK: kelvin,
    /** Overall exposure of the subjects in EV relative to a normally exposed face. */
    exposureEv: z.number().min(-3).max(3),
  }),
  /** Fill as a fraction of the key (0 = black shadows, 1 = flat). 0.5 ≈ 1:2 lighting ratio. */
  fill: z.number().min(0).max(1),
  /** How much the relight may change the photo's own shading (0 = keep the selfie's light). */
  shading: z.number().min(0).max(1),
  rim: z.strictObject({ intensity: z.number().min(0).max(4), temperatureK: kelvin, widthPx: z.number().min(0.5).max(40) }),
  /** How strongly the subjects' white balance is pulled toward the theme light (0 = leave the selfie's colour). */
  colourMatch: z.number().min(0).max(1),
  /** Light from the backdrop spilling over the subjects' edges. */
  wrap: z.number().min(0).max(1),
  /** Darkness of the contact shadow cast by the front person (0 = none). */
  contactShadow: z.number().min(0).max(1),
});

const gradeSchema = z.strictObject({
  /** Tone curve: contrast around middle grey, lifted blacks, rolled-off whites. */
  contrast: z.number().min(0.5).max(2),
  blackLift: z.number().min(0).max(0.2),
  shoulder: z.number().min(0).max(1),
  saturation: z.number().min(0).max(2),
  /** Split toning: multipliers applied to shadows and to highlights (linear RGB). */
  shadowTint: rgb,
  highlightTint: rgb,
  monochrome: z.boolean(),
  grain: z.strictObject({ amount: z.number().min(0).max(0.2), sizePx: z.number().min(0.5).max(4) }),
  vignette: z.strictObject({ amount: z.number().min(0).max(1), radius: z.number().min(0.2).max(2), softness: z.number().min(0.05).max(2) }),
});

const variationSchema = z.strictObject({
  /** 'random': each generation draws fresh seeds; 'fixed': always start from baseSeed (reproducible sets). */
  seedPolicy: z.enum(SEED_POLICIES),
  baseSeed: z.number().int().min(0).max(0xffffffff),
  /** Each value is the half-width of a uniform range drawn from the seed. */
  jitter: z.strictObject({
    anchor: z.number().min(0).max(0.1),
    eyeDistance: z.number().min(0).max(0.3),
    tiltDeg: z.number().min(0).max(15),
    keyAzimuthDeg: z.number().min(0).max(60),
    keyElevationDeg: z.number().min(0).max(40),
    temperatureK: z.number().min(0).max(2000),
    exposureEv: z.number().min(0).max(1),
    /** Each seed tosses a coin: the two people trade places (and who stands in front), as a photographer would shoot both. */
    swapSides: z.boolean().optional(),
  }),
});

const refineSchema = z.strictObject({
  sampler: z.enum(SAMPLERS),
  steps: z.number().int().min(1).max(150),
  cfg: z.number().min(0).max(20),
  /** img2img strength: below 0.4 the draft's seams survive, above 0.7 faces drift from the person. */
  strength: z.number().min(0.4).max(0.7),
  prompt: z.string().max(1000),
  negativePrompt: z.string().max(1000),
});

export const themeSchema = z.strictObject({
  schemaVersion: z.literal(1),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lower-case letters, digits and dashes'),
  name: z.string().min(1).max(80),
  description: z.string().max(400),
  canvas: z.strictObject({
    aspect: z.enum(ASPECTS),
    /** Draft size in pixels on the short side (~768: small enough for seconds, big enough to judge). */
    shortSide: z.number().int().min(64).max(2048),
  }),
  backdrop: backdropSchema,
  layout: layoutSchema,
  lens: lensSchema,
  light: lightSchema,
  grade: gradeSchema,
  variation: variationSchema,
  refine: refineSchema,
});

export type Theme = z.infer<typeof themeSchema>;
export type Backdrop = z.infer<typeof backdropSchema>;
export type RGB = [number, number, number];
/** A theme after overrides are merged and validated: what the compositor reads. */
export type ResolvedTheme = Readonly<Theme>;

type DeepPartial<T> = T extends readonly unknown[] ? T : T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;
export type ThemeOverrides = DeepPartial<Theme>;

export class ThemeError extends Error {
  readonly code = 'THEME_INVALID';
  constructor(
    message: string,
    /** Dotted path of the first bad field (e.g. "lens.aperture"), empty when the file itself is unreadable. */
    readonly field: string,
  ) {
    super(message);
    this.name = 'ThemeError';
  }
}

export const bundledThemesDir = path.dirname(fileURLToPath(import.meta.url));

/** Validates any value as a theme; errors name the field, e.g. `golden-hour: lens.aperture: …`. */
export function parseTheme(value: unknown, source = 'theme'): Theme {
  const r = themeSchema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = fieldPath(issue.path);
  const more = r.error.issues.length > 1 ? ` (and ${r.error.issues.length - 1} more)` : '';
  throw new ThemeError(`${source}: ${field || '(root)'}: ${issue.message}${more}`, field);
}

export function loadThemeFile(file: string): Theme {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ThemeError(`${file}: cannot read the theme file (${(e as Error).message})`, '');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ThemeError(`${file}: not valid JSON (${(e as Error).message})`, '');
  }
  const theme = parseTheme(json, file);
  const expected = path.basename(file, '.json');
  if (theme.id !== expected) throw new ThemeError(`${file}: id: "${theme.id}" must match the file name "${expected}"`, 'id');
  return theme;
}

export function loadTheme(id: string, dir = bundledThemesDir): Theme {
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(id)) throw new ThemeError(`no theme called "${id}"`, 'id');
  const file = path.join(dir, `${id}.json`);
  if (!fs.existsSync(file)) throw new ThemeError(`no theme called "${id}" in ${dir}; available: ${listThemeIds(dir).join(', ')}`, 'id');
  return loadThemeFile(file);
}

export function listThemeIds(dir = bundledThemesDir): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
}

/** Every valid theme in the folder, sorted by id; a broken file throws (naming the file and field). */
export function listThemes(dir = bundledThemesDir): Theme[] {
  return listThemeIds(dir).map((id) => loadTheme(id, dir));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; arrays and scalars replace (a tuple like an anchor is one value). */
function deepMerge(base: unknown, over: unknown): unknown {
  if (over === undefined) return structuredClone(base);
  if (!isPlainObject(base) || !isPlainObject(over)) return structuredClone(over);
  const out: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(base), ...Object.keys(over)])) out[k] = deepMerge(base[k], over[k]);
  return out;
}

/** Applies a user's overrides and re-validates, so an override can never smuggle in a bad value. */
export function resolveTheme(theme: Theme, overrides: ThemeOverrides = {}): ResolvedTheme {
  const merged = deepMerge(theme, overrides) as Record<string, unknown>;
  // Changing the backdrop kind replaces the backdrop whole: fields of the old kind do not apply.
  if (isPlainObject(overrides.backdrop) && overrides.backdrop.kind && overrides.backdrop.kind !== theme.backdrop.kind) {
    merged.backdrop = structuredClone(overrides.backdrop);
  }
  return Object.freeze(parseTheme(merged, `${theme.id} with overrides`));
}

/** A user's copy of a theme under a new id and name, with any values changed. */
export function duplicateTheme(theme: Theme, id: string, name: string, overrides: ThemeOverrides = {}): Theme {
  return parseTheme(deepMerge(deepMerge(theme, overrides), { id, name }), id);
}

/** Writes a (user) theme as `<dir>/<id>.json`, through a temp file so a crash never leaves half a theme. */
export function saveTheme(theme: Theme, dir: string): string {
  const checked = parseTheme(theme, theme.id);
  const file = path.join(dir, `${checked.id}.json`);
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(checked, null, 2)}\n`);
  fs.renameSync(tmp, file);
  return file;
}
