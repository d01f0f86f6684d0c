// Placing face-mesh points (photo pixels) on a photo card drawn with object-fit: contain.

export interface ContainBox {
  scale: number;
  offsetX: number;
  offsetY: number;
}

export function containBox(photo: { width: number; height: number }, box: { width: number; height: number }): ContainBox {
  if (photo.width <= 0 || photo.height <= 0) return { scale: 0, offsetX: 0, offsetY: 0 };
  const scale = Math.min(box.width / photo.width, box.height / photo.height);
  return { scale, offsetX: (box.width - photo.width * scale) / 2, offsetY: (box.height - photo.height * scale) / 2 };
}

/** Mesh points are 468 face points followed by 10 iris points; iris points are drawn in another colour. */
export const FACE_POINTS = 468;

export function toCanvas(points: readonly (readonly number[])[], fit: ContainBox): Float32Array {
  const out = new Float32Array(points.length * 2);
  points.forEach((p, i) => {
    out[i * 2] = fit.offsetX + p[0] * fit.scale;
    out[i * 2 + 1] = fit.offsetY + p[1] * fit.scale;
  });
  return out;
}
