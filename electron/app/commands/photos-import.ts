import { importPhoto } from '../pipeline/project/photos';
import type { Handler } from './types';

// Validated, analysed and persisted in one call (~1–2 s per selfie); bad files give their own
// IMPORT_NOT_IMAGE message and leave no row and no file.
export const photosImport: Handler<'photos.import'> = ({ projectId, role, path, bytesBase64, name }, services) =>
  importPhoto(services, projectId, path !== undefined ? { path } : { bytes: Buffer.from(bytesBase64!, 'base64'), name: name ?? 'dropped photo' }, role);
