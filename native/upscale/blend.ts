// Streams upscaled tiles into the 8-bit output with cross-faded overlaps, keeping only the
// overlap strips in float: a pixel is written (rounded once) as soon as the last tile that
// covers it has been added. Tiles must arrive in raster order (tiles.ts iterateTiles).
//
// A pixel's partial sum travels along one chain: a tile reads it from the left neighbour's
// strip if the pixel is in its left overlap, otherwise from the previous row's strip if in
// its top overlap; it then passes the sum right (right overlap) or down (bottom overlap), or
// writes it out. Float memory: 2 × width × overlap (row strips) + 2 × overlap × tile height
// (column strips), times scale² and channels, whatever the image height.
import { axisWeight, type TilePlan } from './tiles';

/** A planar float image (C planes of w×h) whose pixel (ox, oy) is the tile's first output pixel. */
export interface TileOutput {
  data: Float32Array;
  width: number;
  height: number;
  /** Where the tile's blend span starts inside `data`, in output pixels. */
  offsetX: number;
  offsetY: number;
}

export class SeamBlender {
  private rowCarry: Float32Array;
  private rowCarryNext: Float32Array;
  private colCarry: Float32Array;
  private colCarryNext: Float32Array;
  private readonly stripRows: number;
  private readonly stripCols: number;
  private readonly maxTileRows: number;
  private expected = 0;

  constructor(
    private readonly plan: TilePlan,
    private readonly scale: number,
    /** Interleaved output; channels 0..colourChannels-1 of each pixel are written. */
    private readonly out: Uint8Array,
    private readonly outChannels: number,
    private readonly colourChannels = 3,
  ) {
    this.stripRows = plan.overlap * scale;
    this.stripCols = plan.overlap * scale;
    this.maxTileRows = Math.max(...plan.rows.map((r) => r.end - r.start)) * scale;
    const outW = plan.cols[plan.cols.length - 1].end * scale;
    this.rowCarry = new Float32Array(outW * this.stripRows * colourChannels);
    this.rowCarryNext = new Float32Array(this.rowCarry.length);
    this.colCarry = new Float32Array(this.stripCols * this.maxTileRows * colourChannels);
    this.colCarryNext = new Float32Array(this.colCarry.length);
  }

  /** Float values held between tiles, for the memory-bound test and the bench. */
  floatsHeld(): number {
    return this.rowCarry.length * 2 + this.colCarry.length * 2;
  }

  add(col: number, row: number, tile: TileOutput): void {
    const { plan, scale: s, colourChannels: C } = this;
    const nc = plan.cols.length;
    const nr = plan.rows.length;
    if (row * nc + col !== this.expected) throw new Error(`tiles must be added in raster order: expected tile ${this.expected}, got ${row * nc + col}`);
    this.expected++;
    const cx = plan.cols[col];
    const cy = plan.rows[row];
    const x0 = cx.start * s;
    const x1 = cx.end * s;
    const y0 = cy.start * s;
    const y1 = cy.end * s;
    const outW = plan.cols[nc - 1].end * s;
    const leftEnd = col > 0 ? plan.cols[col - 1].end * s : x0;
    const rightStart = col < nc - 1 ? plan.cols[col + 1].start * s : x1;
    const topEnd = row > 0 ? plan.rows[row - 1].end * s : y0;
    const bottomStart = row < nr - 1 ? plan.rows[row + 1].start * s : y1;
    const plane = tile.width * tile.height;
    const wx = new Float32Array(x1 - x0);
    for (let X = x0; X < x1; X++) wx[X - x0] = axisWeight(plan.cols, col, (X + 0.5) / s);
    if (col === 0) this.colCarry.fill(0);

    for (let Y = y0; Y < y1; Y++) {
      const wy = axisWeight(plan.rows, row, (Y + 0.5) / s);
      const inTop = Y < topEnd;
      const inBottom = Y >= bottomStart;
      const srcRow = (Y - y0 + tile.offsetY) * tile.width + tile.offsetX - x0;
      for (let X = x0; X < x1; X++) {
        const w = wx[X - x0] * wy;
        const inLeft = X < leftEnd;
        const inRight = X >= rightStart;
        let carryIdx = -1;
        let carry: Float32Array | null = null;
        if (inLeft) {
          carry = this.colCarry;
          carryIdx = ((Y - y0) * this.stripCols + (X - x0)) * C;
        } else if (inTop) {
          carry = this.rowCarry;
          carryIdx = ((Y - y0) * outW + X) * C;
        }
        for (let c = 0; c < C; c++) {
          let v = w * tile.data[c * plane + srcRow + X];
          if (carry) v += carry[carryIdx + c];
          if (inRight) {
            this.colCarryNext[((Y - y0) * this.stripCols + (X - rightStart)) * C + c] = v;
          } else if (inBottom) {
            this.rowCarryNext[((Y - bottomStart) * outW + X) * C + c] = v;
          } else {
            const q = Math.round(v * 255);
            this.out[(Y * outW + X) * this.outChannels + c] = q < 0 ? 0 : q > 255 ? 255 : q;
          }
        }
      }
    }
    [this.colCarry, this.colCarryNext] = [this.colCarryNext, this.colCarry];
    if (col === nc - 1) [this.rowCarry, this.rowCarryNext] = [this.rowCarryNext, this.rowCarry];
  }
}
