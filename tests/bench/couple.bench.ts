// `npm run bench -- couple`: drafts for one theme (default golden-hour, or PAIRLIGHT_BENCH_THEME),
// from the bundled sample couple (analysed with the real face models when they are built,
// else the synthetic test people). Reports the median wall time of 8 drafts, run in one
// thread and split over two worker threads (the target machine has 2 cores), plus the CPU
// time per draft and the load average, because a busy machine inflates wall time.
import os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { renderDraft, type PersonInput } from '../../native/compose';
import { loadTheme, resolveTheme } from '../../themes/schema';
import { fmt, median, printTable } from './stats';

const DRAFTS = 8;
const RUNS = 3;
const themeId = process.env.PAIRLIGHT_BENCH_THEME ?? 'golden-hour';

async function samplePeople(): Promise<{ people: [PersonInput, PersonInput]; source: string }> {
  try {
    const face = await import('../../native/face');
    const models = face.modelSetFromFolder(face.defaultModelsDir());
    const people: PersonInput[] = [];
    for (const f of ['person-a.jpg', 'person-b.jpg']) {
      const { image } = await face.decodeImage(fileURLToPath(new URL(`../../resources/samples/${f}`, import.meta.url)));
      const analysis = await face.analyzePhoto(image, { models, embed: false });
      if (!analysis.faces[0]) throw new Error(`no face in ${f}`);
      people.push({ photo: image, face: analysis.faces[0], matte: await face.personMatte(image, { models }) });
    }
    return { people: people as [PersonInput, PersonInput], source: 'resources/samples (real face models)' };
  } catch (e) {
    const { syntheticPerson } = await import('../unit/compose/synthetic-person');
    console.log(`(face models unavailable: ${(e as Error).message}; using synthetic people)`);
    return { people: [syntheticPerson({ yaw: 8 }), syntheticPerson({ skin: [170, 120, 90], seed: 9, width: 600, height: 800 })], source: 'synthetic' };
  }
}

function renderSeeds(people: [PersonInput, PersonInput], seeds: number[]): { cpuMs: number } {
  const theme = resolveTheme(loadTheme(themeId));
  const c0 = process.threadCpuUsage ? process.threadCpuUsage() : process.cpuUsage();
  for (const seed of seeds) renderDraft({ people, theme, seed });
  const c = process.threadCpuUsage ? process.threadCpuUsage(c0) : process.cpuUsage(c0);
  return { cpuMs: (c.user + c.system) / 1000 };
}

if (!isMainThread && workerData?.coupleBench) {
  const { people, seeds } = workerData as { people: [PersonInput, PersonInput]; seeds: number[] };
  renderSeeds(people, seeds); // warm-up (JIT), untimed
  parentPort!.on('message', (s: number[]) => parentPort!.postMessage(renderSeeds(people, s)));
  parentPort!.postMessage('ready');
}

async function startWorker(people: [PersonInput, PersonInput]): Promise<Worker> {
  const w = new Worker(fileURLToPath(import.meta.url), { workerData: { coupleBench: true, people, seeds: [1] }, execArgv: ['--import', 'tsx'] });
  await new Promise<void>((resolve, reject) => {
    w.once('message', () => resolve());
    w.once('error', reject);
  });
  return w;
}

function ask(w: Worker, seeds: number[]): Promise<{ cpuMs: number }> {
  return new Promise((resolve) => {
    w.once('message', resolve);
    w.postMessage(seeds);
  });
}

export async function run(): Promise<void> {
  const { people, source } = await samplePeople();
  const theme = resolveTheme(loadTheme(themeId));
  const one = renderDraft({ people, theme, seed: 0 }); // warm-up
  console.log(`theme ${themeId}, ${one.image.width}×${one.image.height}, people: ${source}, load average ${os.loadavg().map((v) => v.toFixed(1)).join(' ')}`);

  const single: number[] = [], cpu: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const { cpuMs } = renderSeeds(people, Array.from({ length: DRAFTS }, (_, i) => r * 100 + i + 1));
    single.push(performance.now() - t0);
    cpu.push(cpuMs / DRAFTS);
  }
  const workers = [await startWorker(people), await startWorker(people)];
  const parallel: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const seeds = Array.from({ length: DRAFTS }, (_, i) => r * 100 + i + 1);
    const t0 = performance.now();
    await Promise.all([ask(workers[0], seeds.filter((_, i) => i % 2 === 0)), ask(workers[1], seeds.filter((_, i) => i % 2 === 1))]);
    parallel.push(performance.now() - t0);
  }
  await Promise.all(workers.map((w) => w.terminate()));
  printTable(['measure', 'median', 'runs'], [
    [`${DRAFTS} drafts, 1 thread (wall)`, fmt(median(single)), single.map(fmt).join(', ')],
    [`${DRAFTS} drafts, 2 worker threads (wall; target ≤ 5 s)`, fmt(median(parallel)), parallel.map(fmt).join(', ')],
    ['one draft, CPU time', fmt(median(cpu)), cpu.map(fmt).join(', ')],
  ]);
  console.log(`load average after: ${os.loadavg().map((v) => v.toFixed(1)).join(' ')}`);
}
