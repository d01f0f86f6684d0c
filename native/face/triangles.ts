// Triangulation of the 468-point face mesh for piecewise-affine warping: our own Delaunay
// triangulation of a real face's frontal projection (see make-triangles.ts for how it was made).
import triangles from './mesh-triangles.json';

/** Index triples into the 468 mesh points; each triangle is counter-clockwise in the frontal frame. */
export const FACE_MESH_TRIANGLES: readonly [number, number, number][] = triangles as [number, number, number][];
