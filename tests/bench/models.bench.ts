// `npm run bench -- models`: every converted TFJS model, load time and median inference in
// ONNX Runtime (CPU) against @tensorflow/tfjs (pure-JS cpu and wasm backends), in one run,
// on the same seeded input.
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { builtModelsDir } from '../../models/catalog';
import { faceRecipes } from '../../models/recipes/face';
import { segmentationRecipes } from '../../models/recipes/segmentation';
import { loadSpecModel, type TfjsRecipe } from '../../models/recipes/tfjs-recipe';
import { noiseInput } from '../../models/verify/inputs';
import { loadTfjsReference, type TfjsBackend } from '../../models/verify/tfjs-reference';
import { createSession } from '../../native/runtime/session';
import { fmt, median, printTable, timeRuns } from './stats';

const ORT_RUNS = 20;
const TFJS_RUNS: Record<TfjsBackend, number> = { cpu: 3, wasm: 10 };

async function timeTfjs(recipe: TfjsRecipe, backend: TfjsBackend, input: ReturnType<typeof noiseInput>): Promise<{ load: number; run: number; best: number }> {
  const loaded = loadSpecModel(recipe.spec);
  const placeholder = loaded.model.modelTopology.node.find((n) => n.op === 'Placeholder')!.name;
  const t0 = performance.now();
  const ref = await loadTfjsReference(loaded, placeholder, recipe.spec.outputs.map((o) => o.node), backend);
  const load = performance.now() - t0;
  try {
    const runs = await timeRuns(() => ref.run(input.data, input.shape), TFJS_RUNS[backend], 1);
    return { load, run: median(runs), best: Math.min(...runs) };
  } finally {
    ref.dispose();
  }
}

export async function run(): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const recipe of [...faceRecipes, ...segmentationRecipes]) {
    const shape = recipe.spec.input.shape.map((d) => (typeof d === 'number' ? d : 1));
    const input = noiseInput(shape, recipe.spec.input.range, 1);
    const file = path.join(builtModelsDir(), `${recipe.id}.onnx`);
    const loaded = await createSession(file, { preference: 'cpu' });
    const feeds = { [recipe.spec.input.name]: new ort.Tensor('float32', input.data, input.shape) };
    const ortTimes = await timeRuns(() => loaded.session.run(feeds), ORT_RUNS, 3);
    const ortRun = median(ortTimes);
    await loaded.session.release();
    // One intra-op thread: less exposed to other processes competing for the two cores.
    const single = await createSession(file, { preference: 'cpu', intraOpThreads: 1 });
    const singleTimes = await timeRuns(() => single.session.run(feeds), ORT_RUNS, 3);
    await single.session.release();
    const cpu = await timeTfjs(recipe, 'cpu', input);
    const wasm = await timeTfjs(recipe, 'wasm', input);
    rows.push([
      recipe.id,
      fmt(loaded.loadMs),
      fmt(ortRun),
      fmt(Math.min(...ortTimes)),
      fmt(median(singleTimes)),
      fmt(cpu.load),
      fmt(cpu.run),
      fmt(wasm.load),
      fmt(wasm.run),
      fmt(wasm.best),
      `${(cpu.run / ortRun).toFixed(0)}×`,
      `${(wasm.run / ortRun).toFixed(1)}×`,
    ]);
  }
  // Best-of columns too: on a shared machine the median mostly measures the neighbours.
  printTable(['model', 'ORT load', 'ORT median', 'ORT best', 'ORT 1-thread median', 'tfjs-cpu load', 'tfjs-cpu median', 'tfjs-wasm load', 'tfjs-wasm median', 'tfjs-wasm best', 'cpu/ORT', 'wasm/ORT'], rows);
  console.log(`\nORT: ${ORT_RUNS} runs after 3 warm-up, CPU provider, default threads (plus a 1-thread session). tfjs: cpu ${TFJS_RUNS.cpu} runs, wasm ${TFJS_RUNS.wasm} runs, 1 warm-up each. Batch 1, seeded noise input.`);
}
