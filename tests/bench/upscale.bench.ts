// `npm run bench -- upscale`: Real-ESRGAN through ONNX Runtime (CPU) in seconds per input
// megapixel, a 768×960 → 4K job with its peak memory, and the same upscale by Upscayl's
// own upscayl-bin (NCNN on Vulkan; lavapipe on a CPU-only machine) as a time ratio and PSNR.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { esrganRecipes } from '../../models/recipes/esrgan';
import { UPSCAYL_LINUX_BIN, upscaylPackageDir, UPSCAYL_MODELS_DIR } from '../../models/convert/ncnn/upscayl-source';
import type { Image8 } from '../../native/image/types';
import { upscaleImage, type UpscaleModel } from '../../native/upscale';
import { bilinearUpscale, lanczosUpscale, lumaPlanar, restoreFineDetail } from '../../native/upscale/detail';
import { fmt, median, printTable, timeRuns } from './stats';

const PORTRAIT = path.resolve('node_modules/@vladmandic/face-api/demo/sample1.jpg');

async function portrait(width: number, height: number): Promise<Image8> {
  const { data, info } = await sharp(PORTRAIT).resize(width, height, { fit: 'cover', kernel: 'lanczos3' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, channels: 3, data: new Uint8Array(data) };
}

async function modelFile(dir: string, id: string): Promise<string> {
  const built = path.resolve('models/onnx', `${id}.onnx`);
  if (fs.existsSync(built)) return built;
  const file = path.join(dir, `${id}.onnx`);
  fs.writeFileSync(file, await esrganRecipes.find((r) => r.id === id)!.convert());
  return file;
}

async function timeUpscale(image: Image8, model: UpscaleModel, modelPath: string, runs: number): Promise<{ ms: number; out: Image8 }> {
  const times: number[] = [];
  let out!: Image8;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    out = await upscaleImage(image, { model, modelPath, provider: 'cpu' });
    times.push(performance.now() - t0);
  }
  return { ms: median(times), out };
}

/** PSNR over all values, and over the values upscayl-bin did not wrap (it writes 255 where the network gives < 0). */
function psnr(ours: Image8, theirs: Image8): { all: number; unwrapped: number; wrapped: number } {
  let se = 0;
  let seKept = 0;
  let kept = 0;
  for (let i = 0; i < ours.data.length; i++) {
    const d = (ours.data[i] - theirs.data[i]) ** 2;
    se += d;
    if (!(theirs.data[i] === 255 && ours.data[i] < 64)) {
      seKept += d;
      kept++;
    }
  }
  const db = (mse: number) => (mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse));
  return { all: db(se / ours.data.length), unwrapped: db(seKept / kept), wrapped: 1 - kept / ours.data.length };
}

/** Why upscayl-bin cannot run here, or null when it can. */
function upscaylBinUnavailable(bin: string): string | null {
  if (process.platform !== 'linux' || process.arch !== 'x64') return `upscayl-bin row skipped: only the linux-x64 binary is used by this bench (this is ${process.platform}-${process.arch})`;
  if (!fs.existsSync(bin)) return `upscayl-bin row skipped: ${bin} is missing`;
  const ldconfig = spawnSync('ldconfig', ['-p'], { encoding: 'utf8' });
  if (!/libvulkan\.so\.1/.test(ldconfig.stdout ?? '')) return 'upscayl-bin row skipped: libvulkan1 is not installed (apt-get install libvulkan1 mesa-vulkan-drivers)';
  const icd = '/usr/share/vulkan/icd.d';
  if (!fs.existsSync(icd) || !fs.readdirSync(icd).some((f) => f.startsWith('lvp_icd'))) {
    return 'upscayl-bin row skipped: no CPU Vulkan driver (lavapipe); apt-get install mesa-vulkan-drivers';
  }
  return null;
}

export async function run(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pairlight-upscale-bench-'));
  // Other work on the machine slows every row alike; the load says how much to trust absolute times.
  console.log(`load average at start: ${os.loadavg().map((l) => l.toFixed(1)).join(', ')} on ${os.availableParallelism()} cores`);
  try {
    const fast = await modelFile(tmp, 'realesrgan-x4fast');
    const plus = await modelFile(tmp, 'realesrgan-x4plus');
    const rows: (string | number)[][] = [];

    // The 4K job first, so the process's peak RSS reflects it rather than x4plus.
    const rssBefore = process.memoryUsage().rss;
    const big = await portrait(768, 960);
    const t0 = performance.now();
    const uhd = await upscaleImage(big, { model: 'x4fast', modelPath: fast, provider: 'cpu', target: '4k' });
    const bigMs = performance.now() - t0;
    const peakRss = process.resourceUsage().maxRSS * 1024;
    rows.push(['x4fast 768×960 → 4K', `${uhd.width}×${uhd.height}`, fmt(bigMs), `${((bigMs / 1000) / ((768 * 960) / 1e6)).toFixed(1)} s/MP`, `peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (${(rssBefore / 2 ** 20).toFixed(0)} MiB before)`]);

    const small = await portrait(256, 256);
    const f = await timeUpscale(small, 'x4fast', fast, 2);
    rows.push(['x4fast 256×256 (median of 2)', '1024×1024', fmt(f.ms), `${(f.ms / 1000 / (256 * 256 / 1e6)).toFixed(1)} s/MP`, '']);
    // Skin-detail restoration is plain TypeScript on top of the network; timed alone because
    // whole-run differences of a few percent drown in the machine's load.
    const planar = new Float32Array(3 * 256 * 256);
    for (let i = 0; i < 256 * 256; i++) for (let c = 0; c < 3; c++) planar[c * 256 * 256 + i] = small.data[i * 3 + c] / 255;
    const net = new Float32Array(3 * 1024 * 1024);
    for (let c = 0; c < 3; c++) net.set(lanczosUpscale(planar.subarray(c * 65536, (c + 1) * 65536), 256, 256, 4), c * 1024 * 1024);
    const detailTimes = await timeRuns(() => {
      const ly = lanczosUpscale(lumaPlanar(planar, 256, 256), 256, 256, 4);
      const m = bilinearUpscale(new Float32Array(256 * 256).fill(1), 256, 256, 4);
      restoreFineDetail(net, 1024, 1024, ly, m, 4, 1, 0.02);
    }, 2, 0);
    const detailMs = median(detailTimes);
    rows.push(['detail restoration math, 256×256 fully masked', '1024×1024', fmt(detailMs), `${((detailMs / 1000) / (256 * 256 / 1e6)).toFixed(1)} s/MP`, `${(100 * detailMs / f.ms).toFixed(0)}% of the x4fast time above`]);

    const tiny = await portrait(64, 64);
    const p = await timeUpscale(tiny, 'x4plus', plus, 1);
    const fTiny = await timeUpscale(tiny, 'x4fast', fast, 1);
    rows.push(['x4plus 64×64 (1 run)', '256×256', fmt(p.ms), `${(p.ms / 1000 / (64 * 64 / 1e6)).toFixed(1)} s/MP`, `${(p.ms / fTiny.ms).toFixed(1)}× x4fast on the same input`]);

    const bin = path.join(upscaylPackageDir(), UPSCAYL_LINUX_BIN);
    const unavailable = upscaylBinUnavailable(bin);
    if (unavailable) {
      console.log(unavailable);
    } else {
      // Small input: lavapipe is very slow here, and its start-up (shader compilation) is included.
      const peer = await portrait(96, 96);
      const inFile = path.join(tmp, 'peer.png');
      const outFile = path.join(tmp, 'peer-x4.png');
      await sharp(peer.data, { raw: { width: 96, height: 96, channels: 3 } }).png().toFile(inFile);
      const ours = await timeUpscale(peer, 'x4fast', fast, 1);
      const tb = performance.now();
      execFileSync(bin, ['-i', inFile, '-o', outFile, '-m', path.join(upscaylPackageDir(), UPSCAYL_MODELS_DIR), '-n', 'realesrgan-x4fast', '-s', '4', '-f', 'png'], { stdio: 'ignore', timeout: 600_000 });
      const binMs = performance.now() - tb;
      const { data } = await sharp(outFile).removeAlpha().raw().toBuffer({ resolveWithObject: true });
      const theirs: Image8 = { width: 384, height: 384, channels: 3, data: new Uint8Array(data) };
      const q = psnr(ours.out, theirs);
      rows.push([
        'upscayl-bin x4fast 96×96 (lavapipe)',
        '384×384',
        fmt(binMs),
        `${(binMs / ours.ms).toFixed(1)}× our time (${fmt(ours.ms)})`,
        `PSNR vs ours ${q.all.toFixed(1)} dB; ${(100 * q.wrapped).toFixed(1)}% of values wrapped to 255 by upscayl-bin, ${q.unwrapped.toFixed(1)} dB without them`,
      ]);
    }
    printTable(['case', 'output', 'time', 'rate', 'notes'], rows);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
