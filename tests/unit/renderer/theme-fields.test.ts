import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldMatchesError, parseNumberField, setAtPath, themeSections } from '../../../renderer/src/screens/session/theme-fields';

const theme = {
  schemaVersion: 1,
  id: 'mine',
  name: 'Mine',
  description: 'Soft light',
  lens: { focalLengthMm: 85, aperture: 2.8 },
  light: { key: { azimuthDeg: 45, temperatureK: 5200 }, fill: 0.3 },
  backdrop: { kind: 'bokeh-lights', palette: [[1, 0.8, 0.5], [0.4, 0.5, 1]], band: [0.2, 0.7] },
  grade: { monochrome: false },
};

describe('theme fields', () => {
  it('lists every leaf once, by section, with the paths the contract uses', () => {
    const sections = themeSections(theme);
    expect(sections.map((s) => s.name)).toEqual(['general', 'lens', 'light', 'backdrop', 'grade']);
    const keys = sections.flatMap((s) => s.fields.map((f) => `${f.key}:${f.kind}`));
    expect(keys).toEqual([
      'description:text',
      'lens.focalLengthMm:number',
      'lens.aperture:number',
      'light.key.azimuthDeg:number',
      'light.key.temperatureK:number',
      'light.fill:number',
      'backdrop.kind:text',
      'backdrop.palette[0]:numbers',
      'backdrop.palette[1]:numbers',
      'backdrop.band:numbers',
      'grade.monochrome:boolean',
    ]);
    expect(keys.some((k) => k.startsWith('id') || k.startsWith('name') || k.startsWith('schemaVersion'))).toBe(false);
  });

  it("offers the schema's words as a list where a text value is one of a few, and keeps the backdrop kind for the JSON view", () => {
    const withChoices = { ...theme, canvas: { aspect: '4:5', shortSide: 768 }, refine: { sampler: 'euler', prompt: 'portrait' }, variation: { seedPolicy: 'fixed' } };
    const fields = themeSections(withChoices).flatMap((s) => s.fields);
    const field = (key: string) => fields.find((f) => f.key === key)!;
    expect(field('canvas.aspect')).toMatchObject({ kind: 'choice', value: '4:5', choices: ['4:5', '3:2', '2:3', '5:4', '1:1'] });
    expect(field('refine.sampler')).toMatchObject({ kind: 'choice', value: 'euler' });
    expect(field('refine.sampler').choices).toContain('dpmpp-2m-karras');
    expect(field('variation.seedPolicy').choices).toEqual(['random', 'fixed']);
    // Free text stays free text.
    expect(field('refine.prompt')).toMatchObject({ kind: 'text' });
    expect(field('refine.prompt').choices).toBeUndefined();
    expect(field('backdrop.kind').readOnly).toMatch(/JSON view/);
  });

  it('sets one value by path without touching the original or the other values', () => {
    const next = setAtPath(theme, ['backdrop', 'palette', 1, 2], 0.9);
    expect(next.backdrop.palette[1]).toEqual([0.4, 0.5, 0.9]);
    expect(theme.backdrop.palette[1]).toEqual([0.4, 0.5, 1]);
    expect(next.lens).toBe(theme.lens);
    expect(setAtPath(theme, ['lens', 'aperture'], 4).lens).toEqual({ focalLengthMm: 85, aperture: 4 });
  });

  it('labels fields in words with their units', () => {
    expect(fieldLabel(['lens', 'focalLengthMm'])).toBe('Focal length (mm)');
    expect(fieldLabel(['light', 'key', 'azimuthDeg'])).toBe('Key azimuth (°)');
    expect(fieldLabel(['light', 'key', 'temperatureK'])).toBe('Key temperature (K)');
    expect(fieldLabel(['backdrop', 'palette', 1])).toBe('Palette #2');
    expect(fieldLabel(['description'])).toBe('Description');
  });

  it("marks the field an error names, including one number of a colour", () => {
    const [palette1] = themeSections(theme).find((s) => s.name === 'backdrop')!.fields.filter((f) => f.key === 'backdrop.palette[1]');
    expect(fieldMatchesError(palette1, 'backdrop.palette[1][2]')).toBe(true);
    expect(fieldMatchesError(palette1, 'backdrop.palette[0][2]')).toBe(false);
  });

  it('reads a number field only when it is a number', () => {
    expect(parseNumberField('2.8')).toBe(2.8);
    expect(parseNumberField('-')).toBeNull();
    expect(parseNumberField('')).toBeNull();
  });
});
