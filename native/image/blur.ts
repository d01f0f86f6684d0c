// Box mean over a (2r+1)² window with an integral image: O(1) per pixel whatever the radius,
// which the guided filter needs at full photo resolution. Windows are clipped at the borders
// (the mean is over the pixels that exist).
export function boxMean(src: Float32Array, width: number, height: number, r: number, out: Float32Array = new Float32Array(width * height)): Float32Array {
  const W1 = width + 1;
  const integral = new Float64Array(W1 * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += src[y * width + x];
      integral[(y + 1) * W1 + x + 1] = integral[y * W1 + x + 1] + row;
    }
  }
  for (let y = 0; y < height; y++) {
    const ya = Math.max(0, y - r), yb = Math.min(height, y + r + 1);
    for (let x = 0; x < width; x++) {
      const xa = Math.max(0, x - r), xb = Math.min(width, x + r + 1);
      const s = integral[yb * W1 + xb] - integral[ya * W1 + xb] - integral[yb * W1 + xa] + integral[ya * W1 + xa];
      out[y * width + x] = s / ((yb - ya) * (xb - xa));
    }
  }
  return out;
}
