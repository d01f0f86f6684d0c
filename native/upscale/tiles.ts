// Tile layout for tiled inference. Along each axis, tiles of `tileSize` pixels step by
// tileSize − overlap, so neighbours share exactly `overlap` pixels, which are cross-faded.
// Each tile is also run with `context` extra pixels on every side (cropped away after
// inference) so the network's zero padding stays out of the pixels that are kept.

export interface AxisTile {
  /** Blend span [start, end) in input pixels. */
  start: number;
  end: number;
  /** Span read from the input and fed to the network: the blend span plus context, clamped. */
  readStart: number;
  readEnd: number;
}

export interface TilePlan {
  cols: AxisTile[];
  rows: AxisTile[];
  overlap: number;
}

export interface Tile {
  col: number;
  row: number;
  index: number;
  x: AxisTile;
  y: AxisTile;
}

export function planAxis(length: number, tileSize: number, overlap: number, context: number): AxisTile[] {
  if (!Number.isInteger(length) || length < 1) throw new RangeError(`image side must be a positive whole number, got ${length}`);
  if (!Number.isInteger(tileSize) || tileSize < 8) throw new RangeError(`tileSize must be a whole number ≥ 8, got ${tileSize}`);
  if (!Number.isInteger(overlap) || overlap < 0 || 2 * overlap > tileSize) {
    throw new RangeError(`overlap must be a whole number from 0 to tileSize/2 (${tileSize / 2}), got ${overlap}`);
  }
  const step = tileSize - overlap;
  const n = length <= tileSize ? 1 : Math.ceil((length - tileSize) / step) + 1;
  const tiles: AxisTile[] = [];
  for (let k = 0; k < n; k++) {
    const start = k * step;
    const end = k === n - 1 ? length : start + tileSize;
    tiles.push({ start, end, readStart: Math.max(0, start - context), readEnd: Math.min(length, end + context) });
  }
  return tiles;
}

export function planTiles(width: number, height: number, tileSize: number, overlap: number, context: number): TilePlan {
  return { cols: planAxis(width, tileSize, overlap, context), rows: planAxis(height, tileSize, overlap, context), overlap };
}

/** Raster order (row by row), which the streaming blender relies on. */
export function* iterateTiles(plan: TilePlan): Generator<Tile> {
  let index = 0;
  for (let row = 0; row < plan.rows.length; row++) {
    for (let col = 0; col < plan.cols.length; col++) yield { col, row, index: index++, x: plan.cols[col], y: plan.rows[row] };
  }
}

export function tileCount(plan: TilePlan): number {
  return plan.cols.length * plan.rows.length;
}

/**
 * Cross-fade weight of tile k at an input-space coordinate u (a pixel centre), linear over
 * each overlap. The weights of the two tiles sharing an overlap are t and 1 − t of the
 * same t, so every pixel's weights sum to 1.
 */
export function axisWeight(tiles: readonly AxisTile[], k: number, u: number): number {
  const t = tiles[k];
  if (k > 0 && u < tiles[k - 1].end) return (u - t.start) / (tiles[k - 1].end - t.start);
  if (k < tiles.length - 1 && u >= tiles[k + 1].start) return 1 - (u - tiles[k + 1].start) / (t.end - tiles[k + 1].start);
  return 1;
}
