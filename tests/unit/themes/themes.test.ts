import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKDROP_KINDS } from '../../../themes/choices';
import { ThemeError, backdropSchema, duplicateTheme, listThemeIds, listThemes, loadTheme, loadThemeFile, parseTheme, resolveTheme, saveTheme } from '../../../themes/schema';

const REQUIRED = ['studio-session', 'golden-hour', 'winter-fairytale', 'retro-film', 'beach-sunset', 'black-white-classic', 'garden-bloom', 'city-night-bokeh'];

function errorOf(f: () => unknown): ThemeError {
  try {
    f();
  } catch (e) {
    if (e instanceof ThemeError) return e;
    throw e;
  }
  throw new Error('expected a ThemeError');
}

describe('bundled themes', () => {
  it('include the eight required themes and every one validates', () => {
    const themes = listThemes();
    expect(themes.length).toBeGreaterThanOrEqual(8);
    expect(listThemeIds()).toEqual(expect.arrayContaining(REQUIRED));
    for (const t of themes) {
      expect(['4:5', '3:2']).toContain(t.canvas.aspect);
      expect(t.canvas.shortSide).toBe(768);
      expect(t.refine.strength).toBeGreaterThanOrEqual(0.4);
      expect(t.refine.strength).toBeLessThanOrEqual(0.7);
    }
  });
});

describe('the words the theme editor offers', () => {
  it('are the backdrop kinds the schema accepts, no more and no fewer', () => {
    const kinds = backdropSchema.options.map((o) => o.shape.kind.value);
    expect([...kinds].sort()).toEqual([...BACKDROP_KINDS].sort());
  });
});

describe('a broken theme names its field', () => {
  const good = loadTheme('golden-hour');
  it('out of range value', () => {
    const e = errorOf(() => parseTheme({ ...good, lens: { ...good.lens, aperture: 0.2 } }, 'golden-hour.json'));
    expect(e.field).toBe('lens.aperture');
    expect(e.message).toMatch(/^golden-hour\.json: lens\.aperture: /);
  });
  it('missing nested value, and an index inside a tuple', () => {
    const { temperatureK: _drop, ...key } = good.light.key;
    expect(errorOf(() => parseTheme({ ...good, light: { ...good.light, key } })).field).toBe('light.key.temperatureK');
    const people = structuredClone(good.layout.people);
    (people[1].eyeCentre as unknown as number[])[0] = 2;
    expect(errorOf(() => parseTheme({ ...good, layout: { ...good.layout, people } })).field).toBe('layout.people[1].eyeCentre[0]');
  });
  it('misspelt key and wrong backdrop kind', () => {
    const e = errorOf(() => parseTheme({ ...good, grade: { ...good.grade, vignete: 1 } }));
    expect(e.field).toBe('grade');
    expect(e.message).toMatch(/vignete/);
    expect(errorOf(() => parseTheme({ ...good, backdrop: { kind: 'moon' } })).field).toBe('backdrop.kind');
  });
  it('bad JSON and id/file-name mismatch in a file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairlight-themes-'));
    fs.writeFileSync(path.join(dir, 'broken.json'), '{ "id": ');
    expect(errorOf(() => loadThemeFile(path.join(dir, 'broken.json'))).message).toMatch(/broken\.json: not valid JSON/);
    fs.writeFileSync(path.join(dir, 'other.json'), JSON.stringify(good));
    expect(errorOf(() => loadTheme('other', dir)).field).toBe('id');
    expect(errorOf(() => loadTheme('no-such-theme')).message).toMatch(/available: .*golden-hour/);
  });
});

describe('overrides and duplicates', () => {
  const base = loadTheme('studio-session');
  it('resolveTheme merges any value and re-validates', () => {
    const r = resolveTheme(base, { lens: { aperture: 1.4 }, layout: { people: [{ eyeCentre: [0.3, 0.4], eyeDistance: 0.1, tiltDeg: 0 }, base.layout.people[1]] } });
    expect(r.lens.aperture).toBe(1.4);
    expect(r.lens.focalLengthMm).toBe(base.lens.focalLengthMm);
    expect(r.layout.people[0].eyeCentre).toEqual([0.3, 0.4]);
    expect(base.lens.aperture).toBe(4); // the original is untouched
    expect(Object.isFrozen(r)).toBe(true);
    expect(errorOf(() => resolveTheme(base, { light: { fill: 3 } })).field).toBe('light.fill');
  });
  it('changing the backdrop kind replaces the backdrop whole', () => {
    const r = resolveTheme(base, { backdrop: { kind: 'bokeh-lights', top: [0, 0, 0], bottom: [0, 0, 0], count: 10, palette: [[1, 1, 1]], brightness: 1, band: [0.2, 0.8] } });
    expect(r.backdrop.kind).toBe('bokeh-lights');
  });
  it('duplicateTheme makes a new id with the changes, saveTheme writes a file that loads back', () => {
    const copy = duplicateTheme(base, 'my-studio', 'My Studio', { grade: { monochrome: true } });
    expect(copy.id).toBe('my-studio');
    expect(copy.grade.monochrome).toBe(true);
    expect(copy.backdrop).toEqual(base.backdrop);
    expect(base.grade.monochrome).toBe(false);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pairlight-themes-'));
    saveTheme(copy, dir);
    expect(loadTheme('my-studio', dir)).toEqual(copy);
    expect(errorOf(() => duplicateTheme(base, 'Bad Id!', 'x')).field).toBe('id');
  });
});
