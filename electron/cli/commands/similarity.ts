// `pairlight similarity IMG_A IMG_B [--models DIR]`: identity similarity of the largest faces.
import type { CliCommand } from '../command';
import { analyzeFile, defaultModelsDir, FaceAnalysisError, identitySimilarity, ImageImportError, modelSetFromFolder, SAME_PERSON_THRESHOLD } from '../../../native/face';

export const command: CliCommand = {
  name: ['similarity'],
  summary: 'Identity similarity (cosine, −1…1) of the largest face in two photos',
  usage: 'pairlight similarity IMG_A IMG_B [--json] [--models DIR]',
  async run(args, ctx) {
    const files: string[] = [];
    let json = false;
    let modelsDir = defaultModelsDir();
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '--json') json = true;
      else if (args[i] === '--models' && args[i + 1]) modelsDir = args[++i];
      else if (args[i].startsWith('--')) {
        ctx.err(`Unknown option ${args[i]}. Usage: ${this.usage}`);
        return 2;
      } else files.push(args[i]);
    }
    if (files.length !== 2) {
      ctx.err(`Give exactly two photos. Usage: ${this.usage}`);
      return 2;
    }
    const models = modelSetFromFolder(modelsDir);
    try {
      const embeddings: Float32Array[] = [];
      for (const file of files) {
        const a = await analyzeFile(file, { models });
        const face = a.faces[0];
        if (!face) {
          ctx.err(`${file}: no face found. Use a photo where the face is clearly visible.`);
          return 2;
        }
        if (!face.embedding.length) {
          ctx.err('The identity model (faceres) is not installed. Run "npm run models" and try again.');
          return 1;
        }
        embeddings.push(face.embedding);
      }
      const score = identitySimilarity(embeddings[0], embeddings[1]);
      const same = score >= SAME_PERSON_THRESHOLD;
      if (json) ctx.out(JSON.stringify({ a: files[0], b: files[1], similarity: Math.round(score * 1e4) / 1e4, threshold: SAME_PERSON_THRESHOLD, samePerson: same }));
      else ctx.out(`${score.toFixed(3)}  (${same ? 'likely the same person' : 'likely different people'}; threshold ${SAME_PERSON_THRESHOLD})`);
      return 0;
    } catch (err) {
      if (err instanceof ImageImportError) {
        ctx.err(err.message);
        return 2;
      }
      if (err instanceof FaceAnalysisError) {
        ctx.err(err.message);
        return 1;
      }
      throw err;
    } finally {
      await models.cache.dispose();
    }
  },
};

export default command;
