import { notFound } from '../errors';
import { chooseFaceForRole, photoView } from '../pipeline/project/photos';
import type { Handler } from './types';

/** In a group photo: "this face is person A (or B)". */
export const facesChoose: Handler<'faces.choose'> = ({ faceId, role }, services) => {
  const face = services.repos.faces.get(faceId) ?? notFound('face', faceId);
  chooseFaceForRole(services, face.photoId, face.id, role);
  return photoView(services, services.repos.photos.get(face.photoId)!);
};
