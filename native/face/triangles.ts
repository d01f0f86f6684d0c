export const FACE_MESH_TRIANGLES: [number, number, number][] = [];
