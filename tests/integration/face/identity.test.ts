// Same-person / different-person similarity on real photos, and the threshold between them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeImage } from '../../../native/image/decode';
import { analyzePhoto } from '../../../native/face/analyze';
import { identitySimilarity, SAME_PERSON_THRESHOLD } from '../../../native/face/similarity';
import { GROUP_PHOTOS, IDENTITY_PHOTOS, loadIdentityPhoto } from '../../fixtures/face/identity';
import { models, modelsReady } from './models';

interface Face {
  name: string;
  person: string;
  embedding: Float32Array;
}

describe.skipIf(!modelsReady)('identity similarity', () => {
  const faces: Face[] = [];
  const same: number[] = [];
  const different: number[] = [];

  beforeAll(async () => {
    for (const p of IDENTITY_PHOTOS) {
      const a = await analyzePhoto(await loadIdentityPhoto(p), { models });
      if (a.faces[0]) faces.push({ name: p.name, person: p.person, embedding: a.faces[0].embedding });
    }
    for (const file of GROUP_PHOTOS) {
      const { image } = await decodeImage(file);
      const a = await analyzePhoto(image, { models });
      a.faces.forEach((f, i) => faces.push({ name: `${file.split('/').pop()}#${i}`, person: `${file}#${i}`, embedding: f.embedding }));
    }
    for (let i = 0; i < faces.length; i++) {
      for (let j = i + 1; j < faces.length; j++) {
        (faces[i].person === faces[j].person ? same : different).push(identitySimilarity(faces[i].embedding, faces[j].embedding));
      }
    }
  }, 600_000);

  afterAll(() => {
    const q = (v: number[], p: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(p * v.length))];
    console.log(`identity: ${faces.length} faces; same person ${same.length} pairs: min ${Math.min(...same).toFixed(3)} p10 ${q(same, 0.1).toFixed(3)} median ${q(same, 0.5).toFixed(3)} max ${Math.max(...same).toFixed(3)}; different ${different.length} pairs: min ${Math.min(...different).toFixed(3)} median ${q(different, 0.5).toFixed(3)} p99 ${q(different, 0.99).toFixed(3)} max ${Math.max(...different).toFixed(3)}; threshold ${SAME_PERSON_THRESHOLD}`);
  });

  it('finds a face in every calibration photo', () => {
    expect(faces.filter((f) => f.person === 'vladimir').length).toBe(IDENTITY_PHOTOS.filter((p) => p.person === 'vladimir').length);
  });

  it('scores two photos of the same person above the threshold, on average and in most pairs', () => {
    const above = same.filter((s) => s >= SAME_PERSON_THRESHOLD).length / same.length;
    expect(above).toBeGreaterThanOrEqual(0.8);
  });

  it('scores two different people below the threshold in nearly every pair', () => {
    const below = different.filter((s) => s < SAME_PERSON_THRESHOLD).length / different.length;
    expect(below).toBeGreaterThanOrEqual(0.99);
  });

  it('the two demo selfies are different people', () => {
    const a = faces.find((f) => f.name === 'person-a')!;
    const b = faces.find((f) => f.name === 'person-b')!;
    expect(identitySimilarity(a.embedding, b.embedding)).toBeLessThan(SAME_PERSON_THRESHOLD);
  });
});
