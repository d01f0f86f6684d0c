// Everything the commands need, built once per process and passed explicitly (no globals):
// the Electron main process, the browser host, the CLI and the tests all call createServices.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock, type Clock } from './clock';
import { dataLayout, type DataLayout } from './data-dir';
import { EventBus } from './events';
import { sweepTempFiles } from './files/atomic';
import { ProjectFolders } from './files/project-folders';
import { acquireQueueLock, type QueueLock } from './jobs/queue-lock';
import { JobQueue, jobWorkDir } from './jobs/queue';
import { openDatabase } from './store/database';
import { createRepositories, type Repositories } from './store/repositories';
import type { PipelineModels } from './pipeline/models';
import type { ModelManager } from './models';
import { appVersion } from './version';

export interface AppServices {
  dataDir: string;
  layout: DataLayout;
  version: string;
  clock: Clock;
  repos: Repositories;
  folders: ProjectFolders;
  events: EventBus;
  queue: JobQueue;
  /** Facts learnt at run time (e.g. the execution provider once a session exists). */
  runtime: { provider?: string };
  /** The portrait pipeline's models: opened on first use (inference code loads only then), closed with the services. */
  pipelineModels(): Promise<PipelineModels>;
  /** The model manager (built-in + the user's models in <dataDir>/models), created on first use (it loads ONNX Runtime). */
  modelManager(): Promise<ModelManager>;
  /** Keeps the queue lock until close(); set by startBackground. */
  holdQueueLock(lock: QueueLock): void;
  close(): Promise<void>;
}

export interface ServicesOptions {
  dataDir: string;
  /** Folder with catalog.json and onnx/ (default: the repository's models/). */
  modelsDir?: string;
  clock?: Clock;
}

export function createServices(options: ServicesOptions): AppServices {
  const layout = dataLayout(options.dataDir);
  mkdirSync(layout.projects, { recursive: true });
  mkdirSync(layout.jobs, { recursive: true });
  const clock = options.clock ?? systemClock;
  const repos = createRepositories(openDatabase(layout.database));
  const events = new EventBus();
  const queue = new JobQueue({
    jobs: repos.jobs,
    events,
    clock,
    workDirFor: jobWorkDir(layout.projects, layout.jobs),
    maxHeavyJobs: () => repos.settings.get().maxHeavyJobs,
  });
  let lock: QueueLock | null = null;
  let closed = false;
  let models: Promise<PipelineModels> | null = null;
  let openedModels: PipelineModels | null = null;
  let reportedProvider: string | undefined;
  let manager: Promise<ModelManager> | null = null;
  const modelManager = (): Promise<ModelManager> => {
    manager ??= import('./model-library').then((lib) => {
      const created = lib.createModelManager(options.dataDir, options.modelsDir);
      lib.forwardModelEvents(created, events);
      // A diffusion model added or removed while the app runs is picked up by the next refine.
      created.onEvent((e) => {
        if (e.type !== 'changed' || !models) return;
        void models
          .then(async (opened) => {
            if (builtInDiffusion === undefined) return;
            opened.diffusion = builtInDiffusion ?? (await lib.userDiffusionModel(created));
          })
          .catch(() => undefined);
      });
      return created;
    });
    // A broken catalog must not stick: the next call tries again (after `npm run models`, say).
    manager.catch(() => (manager = null));
    return manager;
  };
  /** The catalog's own pick, which wins over user models; undefined until the pipeline opens. */
  let builtInDiffusion: PipelineModels['diffusion'] | undefined;
  return {
    dataDir: options.dataDir,
    layout,
    version: appVersion(),
    clock,
    repos,
    folders: new ProjectFolders(layout.projects),
    events,
    queue,
    runtime: {
      // Until someone reports otherwise, the provider in use is the one the pipeline's sessions loaded on.
      get provider() {
        return reportedProvider ?? openedModels?.sessions.providerInUse?.provider;
      },
      set provider(value: string | undefined) {
        reportedProvider = value;
      },
    },
    modelManager,
    pipelineModels() {
      models ??= import('./pipeline/models').then(async (m) => {
        const opened = m.openPipelineModels(options.modelsDir);
        builtInDiffusion = opened.diffusion;
        // The pipeline reads the catalog folder only; a diffusion model the user added lives in <dataDir>/models.
        if (!opened.diffusion) {
          const lib = await import('./model-library');
          opened.diffusion = await lib.userDiffusionModel(await modelManager()).catch(() => null);
        }
        openedModels = opened;
        return opened;
      });
      return models;
    },
    holdQueueLock(l) {
      lock = l;
    },
    async close() {
      if (closed) return;
      closed = true;
      await queue.stop();
      // Downloads stop with their partial files kept, so the next start can resume them.
      if (manager) {
        const mm = await manager.catch(() => null);
        if (mm) for (const m of await mm.list().catch(() => [])) if (m.status === 'downloading') await mm.cancelDownload(m.id).catch(() => undefined);
      }
      if (models) await (await import('./pipeline/models')).closePipelineModels(await models);
      lock?.release();
      repos.db.close();
    },
  };
}

/**
 * The start-up work of a long-running process (app or host): finish interrupted deletes,
 * remove temp files a crash left, take the queue lock and resume jobs. The CLI's read-only
 * commands skip this. Returns false when another process already runs this library's queue.
 */
export async function startBackground(services: AppServices): Promise<boolean> {
  await services.folders.recover((id) => services.repos.projects.exists(id));
  const lock = acquireQueueLock(join(services.layout.root, 'queue.lock'));
  if (!lock) return false;
  services.holdQueueLock(lock);
  // Only with the lock held: another live process may be mid-write on its temp files.
  await sweepTempFiles(services.layout.projects);
  await sweepTempFiles(services.layout.jobs);
  services.queue.start();
  return true;
}
