// The pixel worker: drafts and the upscaler's detail restoration run on another thread and give
// exactly the pixels the same functions give on this one, the calling thread keeps its event
// loop, a cancel stops the drafts, and the bundled worker of a build runs on its own.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeForPortrait, closePipelineModels, generateCoupleDrafts, openPipelineModels, resolveThemeOrFail, type PortraitSubject } from '../../../electron/app/pipeline';
import { renderDraft } from '../../../native/compose/draft';
import { callOp, pixelWorkerCount, setPixelWorkerCount, stopPixelWorkers } from '../../../native/offload/client';
import { dealSeeds } from '../../../electron/app/pipeline/drafts';
import type { WorkerReply } from '../../../native/offload/pixel-worker';
import { bilinearUpscale, lanczosUpscale, restoreFineDetail } from '../../../native/upscale/detail';
import { createRng } from '../../../native/random/prng';
import { prepareBabyParent, renderBabyPortrait, type BabyParent, type BabyPortraitInput } from '../../../native/baby/portrait';
import { analyseParent } from '../../../native/baby/traits';
import { makeVariation } from '../../../native/baby/inheritance';
import { upsampleMatte } from '../../../native/matte/upsample';
import { repoRoot, sampleA, sampleB, SMALL } from '../pipeline/helpers';

let a: PortraitSubject;
let b: PortraitSubject;
beforeAll(async () => {
  const models = openPipelineModels();
  try {
    a = await analyzeForPortrait(sampleA, { models, label: 'person A' });
    b = await analyzeForPortrait(sampleB, { models, label: 'person B' });
  } finally {
    closePipelineModels(models);
  }
});

function detailArgs(seed: number) {
  const rng = createRng(seed);
  const w = 24, h = 20, s = 4;
  const rgb = Float32Array.from({ length: w * s * h * s * 3 }, () => rng.next());
  const inputLuma = Float32Array.from({ length: w * h }, () => rng.next());
  const mask = Float32Array.from({ length: w * h }, (_, i) => (i % w > 8 ? 1 : 0));
  return { rgb, width: w * s, height: h * s, inputLuma, mask, scale: s, sigma: 4, strength: 1, edgeThreshold: 0.02 };
}

/** The tile of detailArgs(seed) restored on this thread. */
function detailHere(seed: number): Float32Array {
  const here = detailArgs(seed);
  const w = here.width / here.scale, h = here.height / here.scale;
  restoreFineDetail(here.rgb, here.width, here.height, lanczosUpscale(here.inputLuma, w, h, here.scale), bilinearUpscale(here.mask, w, h, here.scale), here.sigma, here.strength, here.edgeThreshold);
  return here.rgb;
}

describe('the pixel worker', () => {
  it('makes the same draft pixels as rendering on this thread', async () => {
    const theme = resolveThemeOrFail('golden-hour', { canvas: { shortSide: 200 } });
    const [off] = await generateCoupleDrafts({ a, b, theme, seeds: [11] });
    const here = renderDraft({ people: [{ photo: a.photo, face: a.face, matte: a.matte }, { photo: b.photo, face: b.face, matte: b.matte }], theme, seed: 11 });
    expect(off.seed).toBe(11);
    expect(off.image.width).toBe(here.image.width);
    expect(Buffer.from(off.image.data).equals(Buffer.from(here.image.data))).toBe(true);
    expect(off.recipe).toEqual(here.recipe);
  });

  it('shares the seeds among the workers and gives the same drafts, in seed order, as one worker does', async () => {
    expect(dealSeeds([1, 2, 3, 4, 5], 2)).toEqual([[1, 3, 5], [2, 4]]);
    expect(dealSeeds([7], 4)).toEqual([[7]]);
    const theme = resolveThemeOrFail('golden-hour', SMALL);
    const seeds = [5, 3, 9, 4, 8];
    const before = pixelWorkerCount();
    try {
      setPixelWorkerCount(1);
      const one = await generateCoupleDrafts({ a, b, theme, seeds });
      setPixelWorkerCount(3);
      const progress: number[] = [];
      const three = await generateCoupleDrafts({ a, b, theme, seeds, onProgress: (done) => progress.push(done) });
      expect(three.map((d) => d.seed)).toEqual(seeds);
      expect(progress).toEqual([1, 2, 3, 4, 5]);
      three.forEach((d, i) => expect(Buffer.from(d.image.data).equals(Buffer.from(one[i].image.data))).toBe(true));
    } finally {
      setPixelWorkerCount(before);
    }
  });

  it('a draft that fails inside a worker fails the generation, and the workers draw normally afterwards', async () => {
    const theme = resolveThemeOrFail('golden-hour', SMALL);
    const before = pixelWorkerCount();
    try {
      setPixelWorkerCount(2);
      // Person B without a face: every group fails inside its worker.
      const broken = { ...b, face: null } as unknown as PortraitSubject;
      await expect(generateCoupleDrafts({ a, b: broken, theme, seeds: [1, 2, 3, 4] })).rejects.toMatchObject({ name: 'TypeError', stack: expect.stringMatching(/on the pixel worker thread/) });
      // The workers are free again and draw normally.
      expect(await generateCoupleDrafts({ a, b, theme, seeds: [1, 2] })).toHaveLength(2);
    } finally {
      setPixelWorkerCount(before);
    }
  });

  it('keeps this thread free while full-size drafts render', async () => {
    const theme = resolveThemeOrFail('studio-session');
    let ticks = 0;
    let longest = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      ticks++;
    }, 10);
    const t0 = performance.now();
    const progress: number[] = [];
    try {
      await generateCoupleDrafts({ a, b, theme, seeds: [1, 2], onProgress: (done) => progress.push(done) });
    } finally {
      clearInterval(timer);
    }
    const elapsed = performance.now() - t0;
    expect(progress).toEqual([1, 2]);
    // On this thread the two drafts would let through at most a tick or two (between drafts);
    // off it, the 10 ms timer keeps firing for most of the time they take.
    expect(ticks).toBeGreaterThan(elapsed / 10 / 4);
    expect(longest).toBeLessThan(elapsed / 2);
  });

  it('stops the drafts when the signal aborts, with a CANCELLED error', async () => {
    const theme = resolveThemeOrFail('golden-hour', { canvas: { shortSide: 200 } });
    const controller = new AbortController();
    const made: number[] = [];
    const before = pixelWorkerCount();
    // One worker: the six drafts are one sequence a cancel can cut short.
    setPixelWorkerCount(1);
    try {
      const run = generateCoupleDrafts({ a, b, theme, seeds: [1, 2, 3, 4, 5, 6], signal: controller.signal, onProgress: (done) => { made.push(done); controller.abort(); } });
      await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(made.length).toBeLessThan(6);
    } finally {
      setPixelWorkerCount(before);
    }
  });

  it("restores a tile's detail exactly as restoreFineDetail does here", async () => {
    const off = await callOp('restoreDetail', detailArgs(3));
    expect(off).toEqual(detailHere(3));
    expect(off).not.toEqual(detailArgs(3).rgb); // the op changed something
  });

  it('prepares a parent and makes the same infant portrait as rendering on this thread', async () => {
    const parent = (p: PortraitSubject): BabyParent => ({ photo: p.photo, face: p.face, traits: analyseParent(p.photo, p.face) });
    const raw = parent(a);
    const offParent = await callOp('prepareBabyParent', raw);
    const hereParent = prepareBabyParent(raw);
    expect(Buffer.from(offParent.photo.data).equals(Buffer.from(hereParent.photo.data))).toBe(true);
    expect(offParent.face.points).toEqual(hereParent.face.points);
    // Cut down to the face: the portraits of every variation then copy the face alone.
    expect(hereParent.photo.width * hereParent.photo.height).toBeLessThan(raw.photo.width * raw.photo.height);
    const [A, B] = [hereParent, prepareBabyParent(parent(b))];
    const input: BabyPortraitInput = { parents: [A, B], variation: makeVariation(A.traits, B.traits, 0.5, createRng(4), 4), age: '1y', scene: 'nursery', width: 240, height: 300 };
    const off = await callOp('babyPortrait', input);
    const here = renderBabyPortrait(input);
    expect(Buffer.from(off.image.data).equals(Buffer.from(here.image.data))).toBe(true);
    expect(off.points).toEqual(here.points);
  });

  it('upsamples a person matte exactly as on this thread', async () => {
    const rng = createRng(8);
    const image = { width: 300, height: 200, channels: 3 as const, data: Uint8Array.from({ length: 300 * 200 * 3 }, () => rng.nextU32() & 255) };
    const work = { width: 150, height: 100, channels: 3 as const, data: Uint8Array.from({ length: 150 * 100 * 3 }, () => rng.nextU32() & 255) };
    const low = { width: 32, height: 32, data: Float32Array.from({ length: 32 * 32 }, (_, i) => (i % 32 > 12 ? 0.9 : 0.1)) };
    const off = await callOp('upsampleMatte', { low, work, image });
    const here = upsampleMatte(low, work, image);
    expect([off.width, off.height]).toEqual([300, 200]);
    expect(off.data).toEqual(here.data);
  });

  it('a worker that dies fails the calls it had, and the next call starts a new one', async () => {
    const theme = resolveThemeOrFail('golden-hour', SMALL);
    // Full-size drafts (~0.25 s each): still running when the workers are stopped.
    const running = generateCoupleDrafts({ a, b, theme: resolveThemeOrFail('studio-session'), seeds: [1, 2, 3, 4, 5, 6, 7, 8] });
    // Listened to before the stop, so the rejection is never unhandled for a moment.
    const outcome = expect(running).rejects.toThrow(/the pixel worker stopped/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await stopPixelWorkers();
    await outcome;
    expect(await generateCoupleDrafts({ a, b, theme, seeds: [1] })).toHaveLength(1);
  });

  it('answers an op it does not know with an error instead of leaving the caller waiting', async () => {
    await expect(callOp('noSuchOp' as 'restoreDetail', detailArgs(1))).rejects.toThrow(/no op called noSuchOp/);
    await expect(callOp('toString' as 'restoreDetail', detailArgs(1))).rejects.toThrow(/no op called toString/);
  });

  it("passes a failing op's error name and stack back, so the log shows where it failed", async () => {
    // A tile without its face mask: the restoration fails reading it (a bug of the caller's, not the user's).
    const bad = { ...detailArgs(2), mask: null } as unknown as ReturnType<typeof detailArgs>;
    const err = await callOp('restoreDetail', bad).then(() => null, (e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err!.name).toBe('TypeError');
    expect(err!.stack).toMatch(/upscale[\\/]detail\.ts/);
    expect(err!.stack).toMatch(/on the pixel worker thread/);
  });

  // CI builds before it tests; a plain checkout has no out/ and skips this.
  const bundled = join(repoRoot, 'out', 'main', 'pixel-worker.js');
  it.skipIf(!existsSync(bundled))('the bundled out/main/pixel-worker.js runs an op on its own', async () => {
    const worker = new Worker(bundled);
    try {
      const reply = await new Promise<WorkerReply>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ id: 1, op: 'restoreDetail', args: detailArgs(5) });
      });
      expect(reply.kind).toBe('result');
      expect((reply as { value: Float32Array }).value).toEqual(detailHere(5));
    } finally {
      await worker.terminate();
    }
  });
});
