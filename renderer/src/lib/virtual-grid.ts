// Which cells of a large grid are on screen. Only these are mounted, so 10,000 images
// cost as much as the ~40 visible ones.

export interface GridGeometry {
  viewportWidth: number;
  viewportHeight: number;
  scrollTop: number;
  itemCount: number;
  /** Cells are at least this wide; the leftover width is shared so rows fill the viewport. */
  minItemWidth: number;
  gap: number;
  /** Height of a cell relative to its width (1 = square thumbnails). */
  aspect: number;
  /** Extra rows mounted above and below, so fast scrolling does not show blank cells. */
  overscanRows: number;
  /** Space above the first row and below the last. */
  padding?: number;
}

export interface GridLayout {
  columns: number;
  itemWidth: number;
  itemHeight: number;
  /** Distance from one row's top to the next. */
  rowStride: number;
  totalHeight: number;
  /** First and last (exclusive) item index to mount. */
  start: number;
  end: number;
}

export function layoutGrid(g: GridGeometry): GridLayout {
  const padding = g.padding ?? 0;
  const usable = Math.max(0, g.viewportWidth - padding * 2);
  const columns = Math.max(1, Math.floor((usable + g.gap) / (g.minItemWidth + g.gap)));
  const itemWidth = Math.max(1, (usable - g.gap * (columns - 1)) / columns);
  const itemHeight = Math.round(itemWidth * g.aspect);
  const rowStride = itemHeight + g.gap;
  const rows = Math.ceil(g.itemCount / columns);
  const totalHeight = rows === 0 ? 0 : padding * 2 + rows * itemHeight + (rows - 1) * g.gap;

  const top = Math.max(0, g.scrollTop - padding);
  const firstRow = Math.max(0, Math.floor(top / rowStride) - g.overscanRows);
  const lastRow = Math.min(rows, Math.ceil((top + g.viewportHeight) / rowStride) + g.overscanRows);
  const start = Math.min(g.itemCount, firstRow * columns);
  const end = Math.min(g.itemCount, Math.max(start, lastRow * columns));
  return { columns, itemWidth, itemHeight, rowStride, totalHeight, start, end };
}

/** Top-left corner of item i, relative to the grid's content box. */
export function cellPosition(layout: GridLayout, index: number, gap: number, padding = 0): { x: number; y: number } {
  const row = Math.floor(index / layout.columns);
  const column = index % layout.columns;
  return { x: padding + column * (layout.itemWidth + gap), y: padding + row * layout.rowStride };
}

/** The scrollTop that brings item i fully into view, or null when it already is. */
export function scrollToReveal(layout: GridLayout, index: number, scrollTop: number, viewportHeight: number, padding = 0): number | null {
  const top = padding + Math.floor(index / layout.columns) * layout.rowStride;
  const bottom = top + layout.itemHeight;
  if (top < scrollTop) return Math.max(0, top - padding);
  if (bottom > scrollTop + viewportHeight) return bottom - viewportHeight + padding;
  return null;
}
