// The identity gate on real faces: a draft whose person-A face is really person B's scores low
// for A and is rejected with a reason naming A (kept, not dropped); the honest draft passes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  analyzeForPortrait,
  closePipelineModels,
  identityGate,
  openPipelineModels,
  resolveThemeOrFail,
  scoredCoupleDrafts,
  type PipelineModels,
  type PortraitSubject,
} from '../../../electron/app/pipeline';
import { SAME_PERSON_THRESHOLD } from '../../../native/face';
import { sampleA, sampleB, SMALL } from './helpers';

let models: PipelineModels;
let a: PortraitSubject;
let b: PortraitSubject;
beforeAll(async () => {
  models = openPipelineModels();
  a = await analyzeForPortrait(sampleA, { models, label: 'person A' });
  b = await analyzeForPortrait(sampleB, { models, label: 'person B' });
});
afterAll(() => closePipelineModels(models));

// 320 px: big enough that the aligned face crop is not mostly upsampling blur.
const theme = () => resolveThemeOrFail('golden-hour', { canvas: { shortSide: 320 } });
const run = (first: PortraitSubject, second: PortraitSubject) =>
  scoredCoupleDrafts({ a: first, b: second, theme: theme(), seeds: [5], models, threshold: SAME_PERSON_THRESHOLD, appVersion: 'test' });

describe('identity gate', () => {
  it('passes a draft of the two real people', async () => {
    const [draft] = await run(a, b);
    expect(draft.verdict.rejected).toBe(false);
    expect(draft.verdict.reason).toBeNull();
    for (const s of draft.verdict.scores) expect(s).toBeGreaterThanOrEqual(SAME_PERSON_THRESHOLD);
  });

  it("rejects, with a reason, a draft whose person-A face is person B's", async () => {
    // Person B composited in A's place, but scored against A's own embedding.
    const impostor: PortraitSubject = { ...b, face: { ...b.face, embedding: a.face.embedding } };
    const [draft] = await run(impostor, b);
    expect(draft.verdict.scores[0]).toBeLessThan(SAME_PERSON_THRESHOLD);
    expect(draft.verdict.scores[1]).toBeGreaterThanOrEqual(SAME_PERSON_THRESHOLD);
    expect(draft.verdict.rejected).toBe(true);
    expect(draft.verdict.reason).toMatch(/person A's face scores 0\.\d\d, below the identity threshold/);
    expect(draft.verdict.reason).not.toMatch(/person B/);
    // Rejected drafts are kept, image and recipe included, so the user can still judge them.
    expect(draft.image.data.length).toBeGreaterThan(0);
    expect(draft.recipe.identity.rejected).toBe(true);
  });

  it('gates on the weakest face, at the threshold exactly', () => {
    expect(identityGate([0.6, 0.9], 0.6, ['A', 'B']).rejected).toBe(false);
    expect(identityGate([0.9, 0.5999], 0.6, ['A', 'B'])).toMatchObject({ rejected: true, reason: expect.stringMatching(/^B's face/) });
    expect(identityGate([Number.NaN, 0.9], 0.6, ['A', 'B']).rejected).toBe(true);
  });
});
