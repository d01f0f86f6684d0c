// The compositor on the bundled sample couple, analysed by the real face models (skipped,
// with a note, when the models are not built). Checks what the synthetic tests cannot: a
// real matte and mesh give a draft in which the face detector finds both people again,
// where the compositor says they are, with their own face detail.
import { beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { renderDraft, type PersonInput } from '../../../native/compose';
import { defaultModelsDir, hasModel, modelSetFromFolder } from '../../../native/face/models';
import { loadTheme, resolveTheme } from '../../../themes/schema';

const models = modelSetFromFolder(defaultModelsDir());
const ready = (['detectShort', 'mesh', 'segment'] as const).every((r) => hasModel(models, r));
if (!ready) console.warn('real-sample compositor check skipped: face models not built (npm run models)');

describe.skipIf(!ready)('renderDraft on the sample couple', () => {
  const people: PersonInput[] = [];
  let analyzePhoto: typeof import('../../../native/face/analyze').analyzePhoto;

  beforeAll(async () => {
    const { decodeImage } = await import('../../../native/image/decode');
    const { personMatte } = await import('../../../native/matte/matte');
    ({ analyzePhoto } = await import('../../../native/face/analyze'));
    for (const f of ['person-a.jpg', 'person-b.jpg']) {
      const { image } = await decodeImage(fileURLToPath(new URL(`../../../resources/samples/${f}`, import.meta.url)));
      const a = await analyzePhoto(image, { models, embed: false });
      people.push({ photo: image, face: a.faces[0], matte: await personMatte(image, { models }) });
    }
  }, 300_000);

  for (const id of ['studio-session', 'city-night-bokeh']) {
    it(`${id}: both faces are found again, within a few pixels of where the draft put them`, async () => {
      const r = renderDraft({ people: [people[0], people[1]], theme: resolveTheme(loadTheme(id)), seed: 11 });
      const found = await analyzePhoto(r.image, { models, embed: false });
      expect(found.faces.length).toBeGreaterThanOrEqual(2);
      for (const placed of r.faces) {
        const cx = placed.box.x + placed.box.width / 2, cy = placed.box.y + placed.box.height / 2;
        const match = found.faces
          .map((f) => Math.hypot(f.box.x + f.box.width / 2 - cx, f.box.y + f.box.height / 2 - cy))
          .sort((a, b) => a - b)[0];
        // The mesh is re-fitted on the draft's pixels: its centre moves by a few percent of the face at most.
        expect(match).toBeLessThan(placed.box.width * 0.1);
      }
    }, 300_000);
  }
});
