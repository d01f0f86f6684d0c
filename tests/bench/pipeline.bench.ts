// `npm run bench -- pipeline`: the couple pipeline on the sample couple, stage by stage, as the
// generation job runs it: analysis of both selfies, 8 drafts for one theme (compositing alone,
// then with the identity gate), and one 2K upscale (x4fast) of a full-size draft. Medians of
// wall time; the load average is printed because a shared machine inflates wall time. Also, per
// stage, the longest the calling thread's event loop was held (what a desktop app's main process
// feels: IPC, progress events and media requests wait that long).
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  analyzeForPortrait,
  closePipelineModels,
  generateCoupleDrafts,
  openPipelineModels,
  resolveThemeOrFail,
  scoredCoupleDrafts,
  seedsFrom,
  upscaleScoredDraft,
} from '../../electron/app/pipeline';
import { SAME_PERSON_THRESHOLD } from '../../native/face';
import { pixelWorkerCount, setPixelWorkerCount } from '../../native/offload/client';
import { fmt, median, printTable, timeRuns } from './stats';

const sample = (f: string) => fileURLToPath(new URL(`../../resources/samples/${f}`, import.meta.url));
const themeId = process.env.PAIRLIGHT_BENCH_THEME ?? 'golden-hour';

/** Runs `fn` once and returns the longest gap between ticks of a 5 ms timer, less the 5 ms. */
async function longestBlock(fn: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
  }, 5);
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  return Math.max(longest, performance.now() - last - 5, 0);
}

export async function run(): Promise<void> {
  const models = openPipelineModels();
  try {
    const analyse = () => Promise.all([analyzeForPortrait(sample('person-a.jpg'), { models }), analyzeForPortrait(sample('person-b.jpg'), { models })]);
    const analyseMs = await timeRuns(analyse, 3);
    const [a, b] = await analyse();
    const theme = resolveThemeOrFail(themeId);
    const seeds = seedsFrom(theme.variation.baseSeed, 8);
    const workers = pixelWorkerCount();
    const draftsMs = await timeRuns(() => generateCoupleDrafts({ a, b, theme, seeds }), 3);
    setPixelWorkerCount(1);
    const draftsOneMs = await timeRuns(() => generateCoupleDrafts({ a, b, theme, seeds }), 3);
    setPixelWorkerCount(workers);
    let scored: Awaited<ReturnType<typeof scoredCoupleDrafts>> = [];
    const gatedMs = await timeRuns(async () => {
      scored = await scoredCoupleDrafts({ a, b, theme, seeds, models, threshold: SAME_PERSON_THRESHOLD, appVersion: 'bench' });
    }, 3);
    const upscaleMs = await timeRuns(() => upscaleScoredDraft(scored[0], { target: '2k', models }), 1, 0);
    const blocks = [
      await longestBlock(analyse),
      await longestBlock(() => generateCoupleDrafts({ a, b, theme, seeds })),
      await longestBlock(() => scoredCoupleDrafts({ a, b, theme, seeds, models, threshold: SAME_PERSON_THRESHOLD, appVersion: 'bench' })),
      await longestBlock(() => upscaleScoredDraft(scored[0], { target: '2k', models })),
    ];
    printTable(
      ['stage', 'median', 'runs', 'longest event-loop block'],
      [
        ['analyse both selfies (decode, faces, matte)', fmt(median(analyseMs)), analyseMs.length, fmt(blocks[0])],
        [`8 drafts, ${themeId} (${theme.canvas.shortSide} px short side), ${workers} pixel workers`, fmt(median(draftsMs)), draftsMs.length, fmt(blocks[1])],
        [`8 drafts on 1 pixel worker (×${(median(draftsOneMs) / median(draftsMs)).toFixed(2)} the time)`, fmt(median(draftsOneMs)), draftsOneMs.length, ''],
        ['8 drafts + identity gate + recipes', fmt(median(gatedMs)), gatedMs.length, fmt(blocks[2])],
        ['one draft → 2K (x4fast, face detail kept)', fmt(median(upscaleMs)), upscaleMs.length, fmt(blocks[3])],
      ],
    );
    console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
  } finally {
    await closePipelineModels(models);
  }
}
