// `npm run bench -- pipeline`: the couple pipeline on the sample couple, stage by stage, as the
// generation job runs it: analysis of both selfies, 8 drafts for one theme (compositing alone,
// then with the identity gate), and one 2K upscale (x4fast) of a full-size draft. Medians of
// wall time; the load average is printed because a shared machine inflates wall time.
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
import { fmt, median, printTable, timeRuns } from './stats';

const sample = (f: string) => fileURLToPath(new URL(`../../resources/samples/${f}`, import.meta.url));
const themeId = process.env.PAIRLIGHT_BENCH_THEME ?? 'golden-hour';

export async function run(): Promise<void> {
  const models = openPipelineModels();
  try {
    const analyse = () => Promise.all([analyzeForPortrait(sample('person-a.jpg'), { models }), analyzeForPortrait(sample('person-b.jpg'), { models })]);
    const analyseMs = await timeRuns(analyse, 3);
    const [a, b] = await analyse();
    const theme = resolveThemeOrFail(themeId);
    const seeds = seedsFrom(theme.variation.baseSeed, 8);
    const draftsMs = await timeRuns(() => generateCoupleDrafts({ a, b, theme, seeds }), 3);
    let scored: Awaited<ReturnType<typeof scoredCoupleDrafts>> = [];
    const gatedMs = await timeRuns(async () => {
      scored = await scoredCoupleDrafts({ a, b, theme, seeds, models, threshold: SAME_PERSON_THRESHOLD, appVersion: 'bench' });
    }, 3);
    const upscaleMs = await timeRuns(() => upscaleScoredDraft(scored[0], { target: '2k', models }), 1, 0);
    printTable(
      ['stage', 'median', 'runs'],
      [
        ['analyse both selfies (decode, faces, matte)', fmt(median(analyseMs)), analyseMs.length],
        [`8 drafts, ${themeId} (${theme.canvas.shortSide} px short side)`, fmt(median(draftsMs)), draftsMs.length],
        ['8 drafts + identity gate + recipes', fmt(median(gatedMs)), gatedMs.length],
        ['one draft → 2K (x4fast, face detail kept)', fmt(median(upscaleMs)), upscaleMs.length],
      ],
    );
    console.log(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} cores`);
  } finally {
    await closePipelineModels(models);
  }
}
