// `pairlight demo --out DIR`: the main job end to end on the bundled sample couple, through the
// same commands and job queue the app uses: a couple project, both selfies imported, 4 drafts
// in each of two themes, the best draft of each upscaled to 2K, and a future-baby set with the
// same two people as parents; the images are copied under DIR and listed with their scores.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CliCommand, CliContext } from '../command';
import type { CommandInput, CommandName, CommandOutput, Image, Job } from '../../contract';
import { PairlightError } from '../../contract';
import { invokeCommand } from '../../app/dispatch';
import { copyFileAtomic } from '../../app/files/atomic';
import { registerAppJobs } from '../../app/jobs/registry';
import { samplesDir } from '../../app/pipeline/project/theme-thumbnails';
import { resolveThemeOrFail, userThemesDir } from '../../app/pipeline/theme';
import { createServices, startBackground, type AppServices } from '../../app/services';
import { withInterrupt } from './couple';

const USAGE = 'pairlight demo --out DIR [--themes ID,ID] [--data-dir DIR]';
const DEFAULT_THEMES = ['golden-hour', 'studio-session'];
const DRAFTS = 4;
const BABY_VARIATIONS = 2;

interface DemoArgs {
  out: string;
  themes: string[];
  dataDir: string;
}

function parseDemoArgs(args: string[], env: NodeJS.ProcessEnv): DemoArgs | string {
  let out: string | undefined;
  let themes = DEFAULT_THEMES;
  let dataDir: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = args[i + 1];
    if ((a === '--out' || a === '--themes' || a === '--data-dir') && (value === undefined || value.startsWith('--'))) return `${a} needs a value.`;
    if (a === '--out') out = args[++i];
    else if (a === '--themes') themes = args[++i].split(',').filter(Boolean);
    else if (a === '--data-dir') dataDir = args[++i];
    else return `Unknown argument ${a}.`;
  }
  if (!out) return 'Give the output folder with --out.';
  if (themes.length === 0) return '--themes needs at least one theme id.';
  // A library of its own under the output folder unless one is named: the demo never touches the user's.
  return { out: path.resolve(out), themes, dataDir: path.resolve(dataDir ?? (env.PAIRLIGHT_DATA_DIR || path.join(out, 'library'))) };
}

async function call<C extends CommandName>(services: AppServices, command: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
  const reply = await invokeCommand(services, command, input);
  if (!reply.ok) throw new PairlightError(reply.error.code, reply.error.message, reply.error.details);
  return reply.result as CommandOutput<C>;
}

async function finished(services: AppServices, job: Job): Promise<Job> {
  await services.queue.whenIdle();
  const done = services.repos.jobs.get(job.id)!;
  if (done.status !== 'done') throw new PairlightError(done.error?.code ?? 'INTERNAL', `${job.type} ${done.status}: ${done.error?.message ?? done.message}`);
  return done;
}

const score = (i: Image, personId: string): string => (i.identityScores?.[personId] ?? NaN).toFixed(3);
const weakest = (i: Image): number => Math.min(...Object.values(i.identityScores ?? {}));

export async function runDemo(args: string[], ctx: CliContext, signal?: AbortSignal): Promise<number> {
  const parsed = parseDemoArgs(args, process.env);
  if (typeof parsed === 'string') {
    ctx.err(`${parsed}\nUsage: ${USAGE}`);
    return 2;
  }
  const samples = ['person-a.jpg', 'person-b.jpg'].map((f) => path.join(samplesDir(), f));
  for (const s of samples) if (!existsSync(s)) {
    ctx.err(`The sample selfie ${s} is missing; restore resources/samples from git.`);
    return 1;
  }
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const services = createServices({ dataDir: parsed.dataDir });
  registerAppJobs(services);
  let lastStep = '';
  const unsubscribe = services.events.subscribe((event, payload) => {
    if (event !== 'job.progress') return;
    const p = payload as { jobId: string; step: string; message: string };
    if (`${p.jobId}/${p.step}` !== lastStep) ctx.err(`  … ${p.step}: ${p.message} (${elapsed()})`);
    lastStep = `${p.jobId}/${p.step}`;
  });
  signal?.addEventListener('abort', () => void services.queue.stop());
  try {
    if (!(await startBackground(services))) {
      ctx.err(`Another Pairlight is running on ${parsed.dataDir}. Close it or pass --data-dir with another folder.`);
      return 1;
    }
    const project = await call(services, 'projects.create', { name: 'Demo couple', kind: 'couple' });
    const [a, b] = [await call(services, 'photos.import', { projectId: project.id, role: 'a', path: samples[0] }), await call(services, 'photos.import', { projectId: project.id, role: 'b', path: samples[1] })];
    const [personA, personB] = [a.personId!, b.personId!];
    ctx.out(`Project "${project.name}" in ${parsed.dataDir} (photos analysed in ${elapsed()})`);

    const rows: { theme: string; image: Image; file: string }[] = [];
    for (const theme of parsed.themes) {
      const themeStart = performance.now();
      // Seeds from the theme's own base seed: the demo gives the same pictures on every run.
      const seed = resolveThemeOrFail(theme, {}, undefined, userThemesDir(parsed.dataDir)).variation.baseSeed;
      const job = await finished(services, await call(services, 'generations.create', { projectId: project.id, theme, count: DRAFTS, seed }));
      const drafts = await call(services, 'images.list', { projectId: project.id, theme, stage: 'draft', sort: 'oldest' });
      const passing = drafts.filter((d) => !d.rejected);
      const best = (passing.length ? passing : drafts).reduce((x, y) => (weakest(y) > weakest(x) ? y : x));
      const draftSeconds = ((performance.now() - themeStart) / 1000).toFixed(1);
      const upJob = await finished(services, await call(services, 'images.upscale', { imageId: best.id, target: '2k', model: 'x4fast' }));
      const upscaled = (await call(services, 'images.list', { projectId: project.id, theme, stage: 'upscaled' })).filter((i) => i.parentId === best.id);
      ctx.out(`${theme}: ${drafts.length} drafts in ${draftSeconds} s (${job.message}); best seed ${best.seed} upscaled to 2K in ${((performance.now() - themeStart) / 1000 - Number(draftSeconds)).toFixed(1)} s (${upJob.message})`);
      for (const image of [...drafts, ...upscaled]) {
        const file = path.join(parsed.out, theme, path.basename(image.relPath));
        await copyFileAtomic(path.join(services.folders.pathOf(project.id), image.relPath), file);
        rows.push({ theme, image, file });
      }
    }
    for (const { image, file } of rows) {
      const verdict = image.rejected ? `REJECTED: ${image.rejectReason}` : 'ok';
      ctx.out(`${file}  ${image.stage}  seed ${image.seed}  ${image.width}×${image.height}  identity A ${score(image, personA)} B ${score(image, personB)}  ${verdict}`);
    }

    // One future-baby set from the same two people as parents: portraits and their trait reports.
    const babyStart = performance.now();
    const family = await call(services, 'projects.create', { name: 'Demo baby', kind: 'baby' });
    const [pa, pb] = [await call(services, 'photos.import', { projectId: family.id, role: 'a', path: samples[0] }), await call(services, 'photos.import', { projectId: family.id, role: 'b', path: samples[1] })];
    const babyJob = await finished(services, await call(services, 'generations.createBaby', { projectId: family.id, age: 'newborn', variations: BABY_VARIATIONS, shareA: 0.5, seed: 2026 }));
    ctx.out(`baby: ${babyJob.message} (${((performance.now() - babyStart) / 1000).toFixed(1)} s)`);
    for (const image of await call(services, 'images.list', { projectId: family.id, sort: 'oldest' })) {
      const folder = services.folders.pathOf(family.id);
      const file = path.join(parsed.out, 'baby', path.basename(image.relPath));
      await copyFileAtomic(path.join(folder, image.relPath), file);
      const recipe = (await call(services, 'images.lineage', { id: image.id }))[0]?.recipe as { reportCard?: string } | undefined;
      const card = recipe?.reportCard ? path.join(parsed.out, 'baby', path.basename(recipe.reportCard)) : null;
      if (card && recipe?.reportCard) await copyFileAtomic(path.join(folder, recipe.reportCard), card);
      ctx.out(`${file}  baby  seed ${image.seed}  looks like A ${score(image, pa.personId!)} B ${score(image, pb.personId!)}${card ? `  report ${card}` : ''}`);
    }
    ctx.out(`Done in ${elapsed()}. Open the project with PAIRLIGHT_DATA_DIR=${parsed.dataDir}.`);
    return 0;
  } catch (error) {
    if (error instanceof PairlightError) {
      ctx.err(`${error.code}: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    unsubscribe();
    await services.close();
  }
}

const command: CliCommand = {
  name: ['demo'],
  summary: 'The main job on the bundled sample couple: 4 drafts in 2 themes, best of each upscaled to 2K, written under --out',
  usage: USAGE,
  run: (args, ctx) => withInterrupt((signal) => runDemo(args, ctx, signal)),
};

export default command;
