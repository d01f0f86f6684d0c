// Zoom and pan shared by the two sides of Compare, so both show the same pixels.
// scale 1 = one image pixel per screen pixel (1:1); 'fit' is computed from the viewport.

export interface ViewTransform {
  scale: number;
  /** Screen position of the image's top-left corner, relative to the viewport's top-left. */
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const MIN_SCALE_FACTOR = 0.5;
export const MAX_SCALE = 8;

export function fitTransform(image: Size, viewport: Size): ViewTransform {
  if (image.width <= 0 || image.height <= 0) return { scale: 1, x: 0, y: 0 };
  const scale = Math.min(viewport.width / image.width, viewport.height / image.height);
  return { scale, x: (viewport.width - image.width * scale) / 2, y: (viewport.height - image.height * scale) / 2 };
}

/** Zoom to `scale` keeping the image point under `anchor` (screen coords) fixed, as wheels and pinches expect. */
export function zoomAt(t: ViewTransform, scale: number, anchor: { x: number; y: number }, fitScale: number): ViewTransform {
  const clamped = Math.min(MAX_SCALE, Math.max(fitScale * MIN_SCALE_FACTOR, scale));
  const k = clamped / t.scale;
  return { scale: clamped, x: anchor.x - (anchor.x - t.x) * k, y: anchor.y - (anchor.y - t.y) * k };
}

/** Keeps at least a quarter of the viewport covered by the image, so it cannot be lost off-screen. */
export function clampPan(t: ViewTransform, image: Size, viewport: Size): ViewTransform {
  const w = image.width * t.scale;
  const h = image.height * t.scale;
  const marginX = viewport.width / 4;
  const marginY = viewport.height / 4;
  return {
    scale: t.scale,
    x: Math.min(viewport.width - marginX, Math.max(marginX - w, t.x)),
    y: Math.min(viewport.height - marginY, Math.max(marginY - h, t.y)),
  };
}

/** Image pixel under a screen point: what the pixel-peeper readout shows. */
export function imagePointAt(t: ViewTransform, screen: { x: number; y: number }): { x: number; y: number } {
  return { x: (screen.x - t.x) / t.scale, y: (screen.y - t.y) / t.scale };
}
