// The baby generator on the real sample selfies: the resemblance slider moves identity, the
// same seed gives the same pixels, and a photo without a usable face gets a clear message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultModelsDir, modelSetFromFolder } from '../../../native/face/models';
import { analyseParentPhoto, generateBabies, type AnalysedParent } from '../../../native/baby/generate';
import { analyseParent, TraitError } from '../../../native/baby/traits';
import { labToRgb } from '../../../native/colour/lab';
import type { Image8 } from '../../../native/image/types';
import { readRecipe } from '../../../native/recipe/embed';
import { runCli } from '../../../electron/cli/main';
import { closeMouthInPhoto, prepareBabyParent, renderBabyPortrait, type BabyParent } from '../../../native/baby/portrait';
import { removeRedEyeImage8 } from '../../../native/compose/red-eye';
import { evenSkinCastImage8 } from '../../../native/compose/skin-cast';
import { makeVariation } from '../../../native/baby/inheritance';
import { createRng } from '../../../native/random/prng';
import { fillPolygon } from '../../../native/compose/polygon';
import { FACE_MESH_TRIANGLES } from '../../../native/face/triangles';
import { FACE_OVAL } from '../../../native/face/landmarks';
import { ringDepth } from '../../../native/face/mesh-rings';

const modelsDir = defaultModelsDir();
const ready = ['blazeface-short', 'facemesh', 'iris', 'faceres', 'selfie'].every((id) => fs.existsSync(path.join(modelsDir, 'onnx', `${id}.onnx`)));
const samples = path.resolve(import.meta.dirname, '..', '..', '..', 'resources', 'samples');

describe.skipIf(!ready)('baby generator on real photos', () => {
  const models = modelSetFromFolder(modelsDir);
  let a: AnalysedParent, b: AnalysedParent;

  beforeAll(async () => {
    a = await analyseParentPhoto({ source: path.join(samples, 'person-a.jpg') }, models, 'parent A');
    b = await analyseParentPhoto({ source: path.join(samples, 'person-b.jpg') }, models, 'parent B');
  }, 300_000);
  afterAll(() => models.cache.dispose());

  it('share 0.8 looks more like A than B, share 0.2 the reverse (averaged over variations)', async () => {
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const towardA = await generateBabies(a, b, { models, age: 'newborn', variations: 3, shareA: 0.8, seed: 5, width: 400, height: 500 });
    const towardB = await generateBabies(a, b, { models, age: 'newborn', variations: 3, shareA: 0.2, seed: 5, width: 400, height: 500 });
    const gapA = mean(towardA.map((r) => r.resemblance.a - r.resemblance.b));
    const gapB = mean(towardB.map((r) => r.resemblance.a - r.resemblance.b));
    expect(gapA).toBeGreaterThan(0);
    expect(gapB).toBeLessThan(0);
    expect(gapA - gapB).toBeGreaterThan(0.1);
  }, 300_000);

  it('cutting a parent photo down to the face changes no pixel of the portrait', () => {
    // The same clean-up on the whole photo, uncut: the warp reads nothing outside the face.
    const uncut = (p: AnalysedParent): BabyParent => ({ photo: closeMouthInPhoto(evenSkinCastImage8(removeRedEyeImage8(p.photo, p.face.points), p.face.points), p.face.points), face: p.face, traits: p.traits });
    const cut = (p: AnalysedParent) => prepareBabyParent({ photo: p.photo, face: p.face, traits: p.traits });
    expect(cut(a).photo.width * cut(a).photo.height).toBeLessThan(a.photo.width * a.photo.height / 2);
    const v = makeVariation(a.traits, b.traits, 0.5, createRng(8), 8);
    const render = (parents: [BabyParent, BabyParent]) => renderBabyPortrait({ parents, variation: v, age: 'newborn', scene: 'nursery', width: 320, height: 400 }).image.data;
    expect(Buffer.from(render([cut(a), cut(b)])).equals(Buffer.from(render([uncut(a), uncut(b)])))).toBe(true);
  });

  it("keeps what lies on the rim of a parent's face (hair, background) out of the baby's face", () => {
    // Dark hair painted over the outermost band of mesh triangles (those touching the outline)
    // of both parents, as hair over a cheek or a turned face's far edge: no dark outline shows.
    const outline = new Set(FACE_OVAL);
    const parent = (p: AnalysedParent, rim: boolean): BabyParent => {
      if (!rim) return { photo: p.photo, face: p.face, traits: p.traits };
      const data = new Uint8Array(p.photo.data);
      const ch = p.photo.channels;
      for (const t of FACE_MESH_TRIANGLES) {
        if (!t.some((k) => outline.has(k))) continue;
        const tri = fillPolygon(t.map((k) => [p.face.points[k][0], p.face.points[k][1]] as [number, number]), p.photo.width, p.photo.height);
        for (let i = 0; i < tri.length; i++) if (tri[i]) data.set([25, 20, 18], i * ch);
      }
      return { photo: { ...p.photo, data }, face: p.face, traits: p.traits };
    };
    const v = makeVariation(a.traits, b.traits, 0.5, createRng(3), 3);
    const render = (rim: boolean) => renderBabyPortrait({ parents: [prepareBabyParent(parent(a, rim)), prepareBabyParent(parent(b, rim))], variation: v, age: 'newborn', scene: 'nursery', width: 320, height: 400 });
    const clean = render(false), dark = render(true);
    const luma = (img: Image8, x: number, y: number) => {
      const i = (Math.round(y) * img.width + Math.round(x)) * 3;
      return 0.2126 * img.data[i] + 0.7152 * img.data[i + 1] + 0.0722 * img.data[i + 2];
    };
    // Along the ring of mesh points next to the outline, where the painted band lands in the
    // baby's face.
    const depth = ringDepth(FACE_MESH_TRIANGLES);
    const ring = [...depth.keys()].filter((k) => depth[k] === 1);
    const change = ring.map((k) => luma(dark.image, clean.points[k][0], clean.points[k][1]) - luma(clean.image, clean.points[k][0], clean.points[k][1]));
    const meanChange = change.reduce((x, y) => x + y, 0) / change.length;
    // Measured: −4 on average, −9 at worst (the face's centre gets 20 lighter: its colour is
    // matched to the baby's skin after the rim pulled its mean down). Before the face faded
    // along its own outline: −25 and −67.
    expect(meanChange).toBeGreaterThan(-12);
    expect(Math.min(...change)).toBeGreaterThan(-25);
  });

  it('same seed ⇒ same pixels; the report names a source for every trait', async () => {
    const one = await generateBabies(a, b, { models, age: '1y', variations: 1, shareA: 0.5, seed: 77, width: 320, height: 400 });
    const two = await generateBabies(a, b, { models, age: '1y', variations: 1, shareA: 0.5, seed: 77, width: 320, height: 400 });
    expect(Buffer.compare(Buffer.from(one[0].image.data), Buffer.from(two[0].image.data))).toBe(0);
    const traits = one[0].report.lines.map((l) => l.trait);
    expect(traits).toEqual(expect.arrayContaining(['Eyes', 'Nose', 'Lips', 'Eye colour', 'Hair colour', 'Skin tone']));
    for (const l of one[0].report.lines) expect(['Parent A', 'Parent B', 'Both (blend)', 'Neither parent shows it']).toContain(l.from);
  }, 300_000);

  it('eye colour follows a recoloured iris on a real photo', () => {
    // Paint both irises of the real photo (a disc around each iris centre from the 478-point
    // mesh, radius from the iris ring points) in a given colour, keeping the pupil dark.
    const recolour = (p: AnalysedParent, lab: [number, number, number]): Image8 => {
      const img = { ...p.photo, data: p.photo.data.slice() };
      const rgb = labToRgb(lab);
      for (const c of [468, 473]) {
        const [cx, cy] = p.face.points[c];
        const r = Math.max(...[1, 2, 3, 4].map((k) => Math.hypot(p.face.points[c + k][0] - cx, p.face.points[c + k][1] - cy)));
        for (let y = Math.floor(cy - r); y <= cy + r; y++) for (let x = Math.floor(cx - r); x <= cx + r; x++) {
          const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
          if (d > r) continue;
          const i = (y * img.width + x) * img.channels;
          img.data.set(d < r * 0.3 ? [8, 8, 8] : rgb, i);
        }
      }
      return img;
    };
    const category = (img: Image8, p: AnalysedParent) => analyseParent(img, p.face, p.matte).colour.eyeColour.value.category;
    expect(category(recolour(b, [50, -4, -24]), b)).toBe('blue');
    expect(category(recolour(b, [30, 10, 20]), b)).toBe('brown');
    expect(category(recolour(a, [48, -10, 14]), a)).toBe('green');
    // and the untouched photos keep what they measured
    expect(category(b.photo, b)).toBe(b.traits.colour.eyeColour.value.category);
  });

  it('a parent photo with no face gets a clear message', async () => {
    const blank = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#808080' } }).jpeg().toBuffer();
    await expect(analyseParentPhoto({ source: new Uint8Array(blank) }, models, 'parent B')).rejects.toThrow(TraitError);
    await expect(analyseParentPhoto({ source: new Uint8Array(blank) }, models, 'parent B')).rejects.toThrow(/No face was found in the photo of parent B/);
  }, 120_000);

  it('the CLI writes each variation with its recipe and a report card, and prints JSON', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'pl-baby-'));
    const lines: string[] = [];
    const code = await runCli(['baby', '--a', path.join(samples, 'person-a.jpg'), '--b', path.join(samples, 'person-b.jpg'), '--age', '3y', '--variations', '2', '--share-a', '0.5', '--out', out, '--json'], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    expect(code).toBe(0);
    const printed = JSON.parse(lines.join('\n'));
    expect(printed.variations).toHaveLength(2);
    for (const v of printed.variations) {
      const recipe = (await readRecipe(fs.readFileSync(v.path))) as { kind: string; seed: number; age: string };
      expect(recipe).toMatchObject({ kind: 'baby', seed: v.seed, age: '3y' });
      expect(fs.existsSync(v.report)).toBe(true);
      expect(v.traits.find((t: { trait: string }) => t.trait === 'Eye colour')).toBeTruthy();
      expect(v.resemblance.a).toBeGreaterThan(-1);
    }
    expect(fs.readdirSync(out).some((f) => f.includes('.tmp'))).toBe(false);
    const bad: string[] = [];
    expect(await runCli(['baby', '--a', 'x.jpg', '--b', 'y.jpg', '--share-a', '2', '--out', out], { out: (l) => bad.push(l), err: (l) => bad.push(l) })).toBe(2);
    expect(bad.join('\n')).toMatch(/--share-a must be a number from 0/);
    fs.rmSync(out, { recursive: true });
  }, 300_000);
});
