// `npm run bench -- analyze`: face analysis per stage on a real group photo (face-api sample3,
// three faces) re-encoded at ~1, 3 and 12 MP (12 MP upscaled with sharp, as no shipped photo is that big).
import os from 'node:os';
import sharp from 'sharp';
import { decodeImage } from '../../native/image/decode';
import { buildPyramid } from '../../native/image/pyramid';
import { analyzePhoto, emptyTimings } from '../../native/face/analyze';
import { defaultModelsDir, modelSetFromFolder } from '../../native/face/models';
import { personMatte } from '../../native/matte/matte';
import { photoPath } from '../fixtures/face/photos';
import { fmt, median, printTable } from './stats';

const RUNS = 5;

export async function run(): Promise<void> {
  const models = modelSetFromFolder(defaultModelsDir());
  const source = photoPath('face-api/sample3');
  const sizes = [1, 3, 12];
  const rows: (string | number)[][] = [];
  for (const mp of sizes) {
    const meta = await sharp(source).metadata();
    const k = Math.sqrt((mp * 1e6) / (meta.width! * meta.height!));
    const width = Math.round(meta.width! * k);
    const bytes = await sharp(source).resize(width).jpeg({ quality: 92 }).toBuffer();
    const stages: Record<string, number[]> = { decode: [], pyramid: [], detect: [], mesh: [], iris: [], embed: [], matte: [], total: [], cpu: [] };
    let faces = 0, height = 0;
    for (let r = 0; r < RUNS + 1; r++) {
      const t = emptyTimings();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const photo = await decodeImage(bytes);
      const t1 = performance.now();
      const pyramid = buildPyramid(photo.image);
      const t2 = performance.now();
      const a = await analyzePhoto(photo.image, { models, timings: t, pyramid });
      const t3 = performance.now();
      await personMatte(photo.image, { models, pyramid });
      const t4 = performance.now();
      const cpu = process.cpuUsage(c0);
      if (r === 0) continue; // warm-up: session creation and first-run allocation
      faces = a.faces.length;
      height = photo.image.height;
      stages.decode.push(t1 - t0);
      stages.pyramid.push(t2 - t1);
      stages.detect.push(t.detect);
      stages.mesh.push(t.mesh);
      stages.iris.push(t.iris);
      stages.embed.push(t.embed);
      stages.matte.push(t4 - t3);
      stages.total.push(t4 - t0);
      // CPU time of all threads: unlike wall time, barely affected by other processes on the machine.
      stages.cpu.push((cpu.user + cpu.system) / 1000);
    }
    rows.push([`${width}×${height} (${((width * height) / 1e6).toFixed(1)} MP, ${faces} faces)`, ...Object.values(stages).map((v) => fmt(median(v)))]);
  }
  console.log(`median of ${RUNS} runs after one warm-up; detect/mesh/iris/embed summed over all faces; mesh = 2 passes per face; cpu = process CPU time (all threads) for the whole row; load average ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores`);
  printTable(['photo', 'decode', 'pyramid', 'detect', 'mesh', 'iris', 'embed', 'matte', 'total (wall)', 'cpu'], rows);
  await models.cache.dispose();
}
