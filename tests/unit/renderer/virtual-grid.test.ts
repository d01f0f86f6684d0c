import { describe, expect, it } from 'vitest';
import { cellPosition, layoutGrid, scrollToReveal, type GridGeometry } from '../../../renderer/src/lib/virtual-grid';

const base: GridGeometry = {
  viewportWidth: 1000,
  viewportHeight: 600,
  scrollTop: 0,
  itemCount: 10_000,
  minItemWidth: 180,
  gap: 8,
  aspect: 1,
  overscanRows: 2,
  padding: 16,
};

describe('layoutGrid', () => {
  it('fits as many columns as the minimum width allows and shares the leftover width', () => {
    const layout = layoutGrid(base);
    // usable 968: 5 columns need 5*180+4*8 = 932 ≤ 968; 6 need 1120.
    expect(layout.columns).toBe(5);
    expect(layout.itemWidth).toBeCloseTo((968 - 4 * 8) / 5, 6);
    expect(layout.columns * layout.itemWidth + (layout.columns - 1) * base.gap).toBeCloseTo(968, 6);
  });

  it('mounts only the visible rows plus overscan, however many items there are', () => {
    const layout = layoutGrid(base);
    const rowsOnScreen = Math.ceil(600 / layout.rowStride);
    expect(layout.start).toBe(0);
    expect(layout.end).toBe((rowsOnScreen + 2) * layout.columns);
    expect(layout.end - layout.start).toBeLessThan(60);
  });

  it('total height covers every row exactly once', () => {
    const layout = layoutGrid(base);
    const rows = Math.ceil(10_000 / layout.columns);
    expect(layout.totalHeight).toBe(2 * 16 + rows * layout.itemHeight + (rows - 1) * 8);
  });

  it('in the middle of a long scroll, the mounted range surrounds the viewport', () => {
    const probe = layoutGrid(base);
    const scrollTop = 500 * probe.rowStride + 16;
    const layout = layoutGrid({ ...base, scrollTop });
    expect(layout.start).toBe((500 - 2) * layout.columns);
    const firstVisible = 500 * layout.columns;
    const lastVisible = Math.ceil((scrollTop - 16 + 600) / layout.rowStride) * layout.columns;
    expect(layout.start).toBeLessThanOrEqual(firstVisible);
    expect(layout.end).toBeGreaterThanOrEqual(lastVisible);
  });

  it('at the very end the range stops at the last item', () => {
    const probe = layoutGrid(base);
    const layout = layoutGrid({ ...base, scrollTop: probe.totalHeight - 600 });
    expect(layout.end).toBe(10_000);
    expect(layout.start).toBeLessThan(10_000);
  });

  it('an empty grid has no height and mounts nothing', () => {
    const layout = layoutGrid({ ...base, itemCount: 0 });
    expect(layout).toMatchObject({ totalHeight: 0, start: 0, end: 0 });
  });

  it('a viewport narrower than one cell still gives one column', () => {
    const layout = layoutGrid({ ...base, viewportWidth: 100 });
    expect(layout.columns).toBe(1);
    expect(layout.itemWidth).toBeGreaterThan(0);
  });

  it('before the first measurement (width 0) nothing breaks', () => {
    const layout = layoutGrid({ ...base, viewportWidth: 0, viewportHeight: 0 });
    expect(layout.columns).toBe(1);
    expect(Number.isFinite(layout.totalHeight)).toBe(true);
  });
});

describe('cellPosition and scrollToReveal', () => {
  const layout = layoutGrid(base);

  it('places cells row by row, left to right', () => {
    expect(cellPosition(layout, 0, 8, 16)).toEqual({ x: 16, y: 16 });
    expect(cellPosition(layout, 6, 8, 16)).toEqual({ x: 16 + layout.itemWidth + 8, y: 16 + layout.rowStride });
  });

  it('scrolls down just enough to show an item below the viewport, up to show one above', () => {
    const below = 20 * layout.columns;
    const down = scrollToReveal(layout, below, 0, 600, 16);
    expect(down).not.toBeNull();
    const itemBottom = 16 + 20 * layout.rowStride + layout.itemHeight;
    expect(down! + 600).toBe(itemBottom + 16);
    expect(scrollToReveal(layout, 0, 5000, 600, 16)).toBe(0);
  });

  it('leaves the scroll alone when the item is already visible', () => {
    expect(scrollToReveal(layout, 1, 0, 600, 16)).toBeNull();
  });
});
