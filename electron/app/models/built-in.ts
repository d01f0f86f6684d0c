// Adapts the catalog (models/catalog.json) to the manager: built-in files live in one folder.
import path from 'node:path';
import type { Catalog } from '../../../models/catalog-types';
import { builtModelsDir, loadCatalog } from '../../../models/catalog';
import type { BuiltInModels } from './model-manager';

export function builtInModels(catalog: Catalog, onnxDir: string): BuiltInModels {
  return { entries: catalog.models, pathOf: (entry) => path.join(onnxDir, entry.file) };
}

/** The models `npm run models` built, where it put them (PAIRLIGHT_BUILT_MODELS_DIR honoured). */
export function catalogBuiltIns(): BuiltInModels {
  return builtInModels(loadCatalog(), builtModelsDir());
}
