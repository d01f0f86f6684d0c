import type { Db } from '../database';
import { FacesRepository } from './faces';
import { GenerationsRepository } from './generations';
import { ImagesRepository } from './images';
import { JobsRepository } from './jobs';
import { PeopleRepository } from './people';
import { PhotosRepository } from './photos';
import { ProjectsRepository } from './projects';
import { SettingsRepository } from './settings';

export { FacesRepository, GenerationsRepository, ImagesRepository, JobsRepository, PeopleRepository, PhotosRepository, ProjectsRepository, SettingsRepository };
export type { FaceBox, FaceRecord } from './faces';
export type { Generation } from './generations';
export type { ImageRecord, ImageStage, ImageSummaryRecord } from './images';
export type { JobRecord, NewJob } from './jobs';
export type { Person } from './people';
export type { Photo } from './photos';
export { defaultSettings } from './settings';

/** The typed repositories over one database connection. Multi-table writes: wrap in `db.transaction`. */
export interface Repositories {
  db: Db;
  projects: ProjectsRepository;
  people: PeopleRepository;
  photos: PhotosRepository;
  faces: FacesRepository;
  generations: GenerationsRepository;
  images: ImagesRepository;
  jobs: JobsRepository;
  settings: SettingsRepository;
}

export function createRepositories(db: Db): Repositories {
  return {
    db,
    projects: new ProjectsRepository(db),
    people: new PeopleRepository(db),
    photos: new PhotosRepository(db),
    faces: new FacesRepository(db),
    generations: new GenerationsRepository(db),
    images: new ImagesRepository(db),
    jobs: new JobsRepository(db),
    settings: new SettingsRepository(db),
  };
}
