// Every contract command's handler. The HandlerMap type makes a missing entry a type error, so
// adding a command to electron/contract.ts without a handler does not compile.
import { appInfo } from './app-info';
import { jobsCancel } from './jobs-cancel';
import { jobsGet } from './jobs-get';
import { jobsList } from './jobs-list';
import { jobsRetry } from './jobs-retry';
import { projectsCreate } from './projects-create';
import { projectsDelete } from './projects-delete';
import { projectsGet } from './projects-get';
import { projectsList } from './projects-list';
import { projectsRename } from './projects-rename';
import { settingsGet } from './settings-get';
import { settingsSet } from './settings-set';
import { photosImport } from './photos-import';
import { photosList } from './photos-list';
import { facesChoose } from './faces-choose';
import { themesList } from './themes-list';
import { themesGet } from './themes-get';
import { themesDuplicate } from './themes-duplicate';
import { themesSave } from './themes-save';
import { themesDelete } from './themes-delete';
import { generationsCreate } from './generations-create';
import { generationsCreateBaby } from './generations-create-baby';
import { imagesList } from './images-list';
import { imagesRate } from './images-rate';
import { imagesFavourite } from './images-favourite';
import { imagesDelete } from './images-delete';
import { imagesRestore } from './images-restore';
import { imagesUpscale } from './images-upscale';
import { imagesLineage } from './images-lineage';
import { imagesThumbnails } from './images-thumbnails';
import { modelsList } from './models-list';
import { modelsImport } from './models-import';
import { modelsDownload } from './models-download';
import { modelsResumeDownload } from './models-resume-download';
import { modelsCancelDownload } from './models-cancel-download';
import { modelsRemove } from './models-remove';
import { exportPrint } from './export-print';
import type { HandlerMap } from './types';

export type { Handler, HandlerMap } from './types';

export const handlers: HandlerMap = {
  'app.info': appInfo,
  'projects.list': projectsList,
  'projects.get': projectsGet,
  'projects.create': projectsCreate,
  'projects.rename': projectsRename,
  'projects.delete': projectsDelete,
  'jobs.list': jobsList,
  'jobs.get': jobsGet,
  'jobs.cancel': jobsCancel,
  'jobs.retry': jobsRetry,
  'photos.import': photosImport,
  'photos.list': photosList,
  'faces.choose': facesChoose,
  'themes.list': themesList,
  'themes.get': themesGet,
  'themes.duplicate': themesDuplicate,
  'themes.save': themesSave,
  'themes.delete': themesDelete,
  'generations.create': generationsCreate,
  'generations.createBaby': generationsCreateBaby,
  'images.list': imagesList,
  'images.rate': imagesRate,
  'images.favourite': imagesFavourite,
  'images.delete': imagesDelete,
  'images.restore': imagesRestore,
  'images.upscale': imagesUpscale,
  'images.lineage': imagesLineage,
  'images.thumbnails': imagesThumbnails,
  'models.list': modelsList,
  'models.import': modelsImport,
  'models.download': modelsDownload,
  'models.resumeDownload': modelsResumeDownload,
  'models.cancelDownload': modelsCancelDownload,
  'models.remove': modelsRemove,
  'export.print': exportPrint,
  'settings.get': settingsGet,
  'settings.set': settingsSet,
};
