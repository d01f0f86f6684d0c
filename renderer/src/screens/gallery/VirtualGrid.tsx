// A grid that mounts only the rows on screen (plus overscan). Cells are absolutely placed from
// layoutGrid's math, so scrolling 10,000 items costs a transform per visible cell.
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { cellPosition, layoutGrid, scrollToReveal } from '../../lib/virtual-grid';

interface VirtualGridProps<T> {
  items: T[];
  getKey: (item: T) => string;
  renderItem: (item: T, index: number) => ReactNode;
  minItemWidth?: number;
  gap?: number;
  aspect?: number;
  /** Index to keep in view (the lightbox's current image, so closing it lands where you were). */
  revealIndex?: number | null;
  testId?: string;
}

const PADDING = 16;

export function VirtualGrid<T>({ items, getKey, renderItem, minItemWidth = 180, gap = 8, aspect = 1, revealIndex = null, testId }: VirtualGridProps<T>) {
  const scroller = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  // Only the mounted row range is state: scrolling inside the same rows re-renders nothing,
  // the browser just moves the already-placed cells.
  const [scrollTop, setScrollTop] = useState(0);

  // Measured before the first paint (a layout effect re-renders before the browser draws), so
  // the frame that shows the grid already has its cells; then kept up to date on resize.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const measure = () =>
      setSize((old) => (old.width === element.clientWidth && old.height === element.clientHeight ? old : { width: element.clientWidth, height: element.clientHeight }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const geometry = {
    viewportWidth: size.width,
    viewportHeight: size.height,
    scrollTop,
    itemCount: items.length,
    minItemWidth,
    gap,
    aspect,
    overscanRows: 3,
    padding: PADDING,
  };
  const layout = layoutGrid(geometry);
  // What the scroll listener compares against: this render's geometry and mounted range.
  const latest = useRef({ geometry, start: layout.start, end: layout.end });
  latest.current = { geometry, start: layout.start, end: layout.end };

  // A plain passive listener rather than React's onScroll: a scroll event that stays inside the
  // mounted rows (most of them) costs one small computation and no synthetic event.
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const onScroll = () => {
      const top = element.scrollTop;
      const { geometry: g, start, end } = latest.current;
      const next = layoutGrid({ ...g, scrollTop: top });
      if (next.start !== start || next.end !== end) setScrollTop(top);
    };
    element.addEventListener('scroll', onScroll, { passive: true });
    return () => element.removeEventListener('scroll', onScroll);
  }, []);

  useEffect(() => {
    const element = scroller.current;
    if (!element || revealIndex === null || revealIndex < 0) return;
    const target = scrollToReveal(layout, revealIndex, element.scrollTop, element.clientHeight, PADDING);
    if (target !== null) element.scrollTop = target;
    // Only when the revealed item changes, not on every scroll.
  }, [revealIndex]);

  const cells: ReactNode[] = [];
  for (let i = layout.start; i < layout.end; i++) {
    const { x, y } = cellPosition(layout, i, gap, PADDING);
    cells.push(
      <div key={getKey(items[i])} className="vgrid-cell" style={{ width: layout.itemWidth, height: layout.itemHeight, transform: `translate(${x}px, ${y}px)` }}>
        {renderItem(items[i], i)}
      </div>,
    );
  }

  return (
    <div
      ref={scroller}
      className="vgrid"
      data-testid={testId}
      data-mounted={layout.end - layout.start}
    >
      <div className="vgrid-content" style={{ height: layout.totalHeight }}>
        {cells}
      </div>
    </div>
  );
}
