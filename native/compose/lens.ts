// Depth of field from the lens, by the thin-lens model on a full-frame (36×24 mm) camera
// whose short side spans the draft's short side. The couple's scale in the frame tells the
// magnification (an adult's eyes are ~63 mm apart), which gives the focus distance;
// the backdrop's distance then sets its blur disc.

/** Mean adult interpupillary distance in mm (ANSUR II, both sexes ≈ 61–64 mm). */
export const EYE_DISTANCE_MM = 63;
const SENSOR_SHORT_SIDE_MM = 24;

export interface DepthOfField {
  /** Focus distance in metres. */
  focusDistanceM: number;
  /** Diameter of the blur disc of a point on the backdrop, in canvas pixels. */
  backgroundBlurPx: number;
}

export function depthOfField(focalLengthMm: number, aperture: number, backgroundDistanceM: number, eyeDistancePx: number, canvasShortSidePx: number): DepthOfField {
  const mmPerPx = SENSOR_SHORT_SIDE_MM / canvasShortSidePx;
  const m = (eyeDistancePx * mmPerPx) / EYE_DISTANCE_MM;
  const f = focalLengthMm;
  const s = f * (1 + 1 / m); // focus distance (mm), from 1/f = 1/s + 1/s' and m = s'/s
  const d = s + backgroundDistanceM * 1000;
  // Blur disc on the sensor for a point at d when focused at s: c = f·m/N · (d − s)/d.
  const c = ((f * m) / aperture) * ((d - s) / d);
  return { focusDistanceM: s / 1000, backgroundBlurPx: c / mmPerPx };
}

/** A uniform disc of diameter D has the standard deviation of a Gaussian with σ = D/4. */
export function discSigma(diameterPx: number): number {
  return diameterPx / 4;
}
