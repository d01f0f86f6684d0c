// The app's side of the model manager: where the user's models live, how its events reach
// the contract's event bus, and which user-added diffusion model the pipeline may refine with.
import { join } from 'node:path';
import { loadCatalog } from '../../models/catalog';
import type { EventBus } from './events';
import { builtInModels, catalogBuiltIns, ModelManager } from './models';
import type { PipelineModels } from './pipeline/models';

/**
 * One manager per services instance. `builtInDir` is a folder with catalog.json and onnx/
 * (tests and packaged builds); without it the repository's catalog and built files are used.
 */
export function createModelManager(dataDir: string, builtInDir?: string): ModelManager {
  const builtIn = builtInDir ? builtInModels(loadCatalog(join(builtInDir, 'catalog.json')), join(builtInDir, 'onnx')) : catalogBuiltIns();
  return new ModelManager({ modelsDir: join(dataDir, 'models'), builtIn });
}

/** Relays download progress and list changes as `models.progress` / `models.changed`. */
export function forwardModelEvents(manager: ModelManager, bus: EventBus): () => void {
  return manager.onEvent((e) => {
    if (e.type === 'download-progress') {
      const { id, bytes, total, rate, phase, note } = e.progress;
      bus.emit('models.progress', { id, bytes, total, rate: Number.isFinite(rate) ? Math.max(0, rate) : 0, phase, ...(note !== undefined ? { note } : {}) });
    } else {
      bus.emit('models.changed', {});
    }
  });
}

/**
 * An intact diffusion model the user imported or downloaded, for refine when the catalog has
 * none. Test-only models never count: they prove the sampler, not a picture.
 */
export async function userDiffusionModel(manager: ModelManager): Promise<PipelineModels['diffusion']> {
  const items = await manager.list();
  const found = items
    .filter((m) => m.task === 'diffusion' && m.source !== 'built-in' && m.status === 'installed' && !m.testOnly)
    .sort((a, b) => a.id.localeCompare(b.id))[0];
  return found ? { id: found.id, sha256: found.sha256, path: found.file } : null;
}
