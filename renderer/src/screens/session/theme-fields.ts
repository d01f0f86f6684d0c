// A theme's values as editable fields: every leaf (number, yes/no, text) with its path, grouped
// by the theme's sections; a number tuple (a colour, a point on the canvas) stays one field.
// Pure functions, so the editor's state is the theme object itself.
import { ASPECTS, BACKDROP_KINDS, SAMPLERS, SEED_POLICIES, SKY_GROUNDS } from '../../../../themes/choices';
import { fieldPath } from '../../../../themes/field-path';

export type ThemeValue = unknown;
export type Path = readonly (string | number)[];

export type FieldKind = 'number' | 'boolean' | 'text' | 'numbers' | 'choice';

export interface ThemeField {
  path: Path;
  /** The path as the contract's errors name it, e.g. "light.key.azimuthDeg" or "backdrop.palette[0]". */
  key: string;
  kind: FieldKind;
  value: number | boolean | string | number[];
  /** For 'choice': the words the schema allows. */
  choices?: readonly string[];
  /** Shown instead of an input: why this value is not edited here. */
  readOnly?: string;
}

export interface FieldSection {
  name: string;
  fields: ThemeField[];
}

/** Top-level values that are not edited here: the id is the file name, the name has its own input. */
const FIXED = new Set(['id', 'name', 'schemaVersion']);

const isNumberTuple = (v: unknown): v is number[] => Array.isArray(v) && v.length > 0 && v.length <= 4 && v.every((x) => typeof x === 'number');

/** Text values the schema limits to a few words, by path key: offered as a list, not typed. */
const CHOICES: Record<string, readonly string[]> = {
  'canvas.aspect': ASPECTS,
  'variation.seedPolicy': SEED_POLICIES,
  'refine.sampler': SAMPLERS,
  'backdrop.ground': SKY_GROUNDS,
};

/** Values the field form shows but does not change, with the reason it gives. */
const READ_ONLY: Record<string, string> = {
  'backdrop.kind': `Each kind (${BACKDROP_KINDS.join(', ')}) has its own values: change it in the JSON view.`,
};

function textField(path: Path, value: string): ThemeField {
  const key = fieldPath(path);
  if (READ_ONLY[key]) return { path, key, kind: 'text', value, readOnly: READ_ONLY[key] };
  const choices = CHOICES[key];
  return choices ? { path, key, kind: 'choice', value, choices } : { path, key, kind: 'text', value };
}

function leaves(value: ThemeValue, path: Path, out: ThemeField[]): void {
  if (typeof value === 'number') out.push({ path, key: fieldPath(path), kind: 'number', value });
  else if (typeof value === 'boolean') out.push({ path, key: fieldPath(path), kind: 'boolean', value });
  else if (typeof value === 'string') out.push(textField(path, value));
  else if (isNumberTuple(value)) out.push({ path, key: fieldPath(path), kind: 'numbers', value: [...value] });
  else if (Array.isArray(value)) value.forEach((v, i) => leaves(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
}

/** The editable fields of a theme, one section per top-level value (loose values in "general"). */
export function themeSections(theme: Record<string, ThemeValue>): FieldSection[] {
  const general: ThemeField[] = [];
  const sections: FieldSection[] = [];
  for (const [k, v] of Object.entries(theme)) {
    if (FIXED.has(k)) continue;
    const fields: ThemeField[] = [];
    leaves(v, [k], fields);
    if (v !== null && typeof v === 'object' && !isNumberTuple(v)) sections.push({ name: k, fields });
    else general.push(...fields);
  }
  return general.length ? [{ name: 'general', fields: general }, ...sections] : sections;
}

/** A copy of `obj` with the value at `path` replaced; everything else is shared. */
export function setAtPath<T>(obj: T, path: Path, value: ThemeValue): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const base = obj as Record<string | number, ThemeValue> | ThemeValue[];
  const copy = (Array.isArray(base) ? [...base] : { ...base }) as Record<string | number, ThemeValue>;
  copy[head] = setAtPath(copy[head], rest, value);
  return copy as T;
}

const UNITS: Record<string, string> = { deg: '(°)', mm: '(mm)', px: '(px)', ev: '(EV)', k: '(K)', m: '(m)' };

/** "lens.aperture" → "Aperture"; "light.key.azimuthDeg" → "Key azimuth (°)"; indices read as "#2". */
export function fieldLabel(path: Path): string {
  const parts = path.slice(1).map((p) => (typeof p === 'number' ? `#${p + 1}` : p));
  if (parts.length === 0) parts.push(String(path[0]));
  const words = parts
    .flatMap((p) => p.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' '))
    .map((w, i) => (i > 0 && UNITS[w.toLowerCase()]) || w.toLowerCase());
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether a field is the one an error names: itself, or one number inside it (a colour's green). */
export function fieldMatchesError(field: ThemeField, errorKey: string | null): boolean {
  if (!errorKey) return false;
  return errorKey === field.key || (field.kind === 'numbers' && errorKey.startsWith(`${field.key}[`));
}

/** A number field's text to a number, or null while it is not one yet (the user is still typing). */
export function parseNumberField(text: string): number | null {
  if (text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}
