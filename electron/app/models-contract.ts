// Glue between the model manager and the models.* commands: the contract's list item, and
// downloads that return at once while progress and the outcome travel as events. Type-only
// imports of the manager, so loading the command table does not load ONNX Runtime.
import type { ModelListItem as ContractModelListItem, ModelTask as ContractModelTask } from '../contract';
import { toPairlightError } from '../contract';
import type { ModelTask as CatalogModelTask } from '../../models/catalog-types';
import type { EventBus } from './events';
import type { DownloadProgress, ModelListItem } from './models';

// The contract spells the tasks out for zod; these two lines fail to compile if the lists drift apart.
const toContractTask = (task: CatalogModelTask): ContractModelTask => task;
export const toCatalogTask = (task: ContractModelTask): CatalogModelTask => task;

/** The manager's item without the absolute file path, which the renderer has no use for. */
export function toContractItem(item: ModelListItem): ContractModelListItem {
  return {
    id: item.id,
    title: item.title,
    task: toContractTask(item.task),
    status: item.status,
    source: item.source,
    licence: item.licence,
    sha256: item.sha256,
    bytes: item.bytes,
    verifiedMaxError: item.verifiedMaxError,
    testOnly: item.testOnly,
    ...(item.progress ? { progress: item.progress } : {}),
    ...(item.problem ? { problem: item.problem } : {}),
  };
}

/**
 * Runs `start` (a manager download) in the background and resolves once it is under way: at
 * its first progress report. A refusal before that (bad checksum format, id taken, already
 * downloading) rejects here, so the command fails with it; a failure after that is published
 * as `models.changed` with the id and the error, because the caller has already returned.
 */
export function startInBackground(
  events: EventBus,
  id: string,
  start: (onProgress: (p: DownloadProgress) => void) => Promise<unknown>,
): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    let underway = false;
    const begin = () => {
      if (underway) return;
      underway = true;
      resolve({ id });
    };
    start((p) => {
      if (p.id === id) begin();
    }).then(
      () => begin(),
      (err: unknown) => {
        if (!underway) {
          reject(err);
          return;
        }
        const failure = toPairlightError(err);
        events.emit('models.changed', { id, error: { code: failure.code, message: failure.message } });
      },
    );
  });
}
