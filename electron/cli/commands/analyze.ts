// `pairlight analyze IMAGE... [--json] [--models DIR]`: faces, 478 points, pose, advice per photo.
import type { CliCommand } from '../command';
import { analyzeFile, defaultModelsDir, FaceAnalysisError, ImageImportError, modelSetFromFolder } from '../../../native/face';
import type { PhotoAnalysis } from '../../../native/face';

const round = (v: number, d = 2) => Math.round(v * 10 ** d) / 10 ** d;

export function analysisJson(file: string, a: PhotoAnalysis) {
  return {
    file,
    width: a.width,
    height: a.height,
    faces: a.faces.map((f) => ({
      box: { x: round(f.box.x, 1), y: round(f.box.y, 1), width: round(f.box.width, 1), height: round(f.box.height, 1) },
      score: round(f.score, 3),
      points: f.points.map((p) => p.map((v) => round(v, 2))),
      pose: { yaw: round(f.pose.yaw, 1), pitch: round(f.pose.pitch, 1), roll: round(f.pose.roll, 1) },
      quality: f.quality.map((q) => ({ code: q.code, severity: q.severity, message: q.message, ...(q.value === undefined ? {} : { value: q.value }) })),
      embeddingLength: f.embedding.length,
    })),
  };
}

export function parseArgs(args: string[]): { files: string[]; json: boolean; modelsDir: string } | string {
  const files: string[] = [];
  let json = false;
  let modelsDir = defaultModelsDir();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') json = true;
    else if (a === '--models') {
      if (!args[i + 1]) return '--models needs a folder.';
      modelsDir = args[++i];
    } else if (a.startsWith('--')) return `Unknown option ${a}.`;
    else files.push(a);
  }
  return { files, json, modelsDir };
}

export const command: CliCommand = {
  name: ['analyze'],
  summary: 'Find faces in photos: box, 478 points, head pose, photo-quality advice',
  usage: 'pairlight analyze IMAGE... [--json] [--models DIR]',
  async run(args, ctx) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string' || parsed.files.length === 0) {
      ctx.err(`${typeof parsed === 'string' ? parsed : 'Give at least one photo.'} Usage: ${this.usage}`);
      return 2;
    }
    const models = modelSetFromFolder(parsed.modelsDir);
    const results: unknown[] = [];
    let failed = 0;
    try {
      for (const file of parsed.files) {
        try {
          const a = await analyzeFile(file, { models });
          if (parsed.json) results.push(analysisJson(file, a));
          else {
            ctx.out(`${file}: ${a.width} × ${a.height}, ${a.faces.length} face${a.faces.length === 1 ? '' : 's'}`);
            a.faces.forEach((f, i) => {
              ctx.out(`  face ${i + 1}: box ${Math.round(f.box.x)},${Math.round(f.box.y)} ${Math.round(f.box.width)}×${Math.round(f.box.height)}  score ${f.score.toFixed(2)}  yaw ${f.pose.yaw.toFixed(0)}° pitch ${f.pose.pitch.toFixed(0)}° roll ${f.pose.roll.toFixed(0)}°  ${f.points.length} points`);
              for (const q of f.quality) ctx.out(`    ${q.severity === 'blocker' ? '✗' : '!'} ${q.message}`);
            });
          }
        } catch (err) {
          if (err instanceof ImageImportError) {
            failed++;
            ctx.err(`${file}: ${err.message}`);
            if (parsed.json) results.push({ file, error: { code: err.code, reason: err.reason, message: err.message } });
            continue;
          }
          throw err;
        }
      }
    } catch (err) {
      if (err instanceof FaceAnalysisError) {
        ctx.err(err.message);
        return 1;
      }
      throw err;
    } finally {
      await models.cache.dispose();
    }
    if (parsed.json) ctx.out(JSON.stringify(results.length === 1 ? results[0] : results, null, 0));
    return failed ? 2 : 0;
  },
};

export default command;
