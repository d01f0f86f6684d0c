// Shared by the face integration tests: the real ONNX models from models/onnx (built by
// `npm run models`). Without them these tests are skipped with a note, never faked.
import { defaultModelsDir, hasModel, modelSetFromFolder, type FaceModelRole, type ModelSet } from '../../../native/face/models';

export const models: ModelSet = modelSetFromFolder(defaultModelsDir());
const needed: FaceModelRole[] = ['detectShort', 'mesh', 'iris', 'embed', 'segment'];
export const missing = needed.filter((r) => !hasModel(models, r));
export const modelsReady = missing.length === 0;
if (!modelsReady) console.warn(`face integration tests skipped: models not built (${missing.join(', ')}); run npm run models`);
