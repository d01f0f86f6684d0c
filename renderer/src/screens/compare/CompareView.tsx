// Two images, side by side or as a before/after slider, sharing one zoom and pan so the
// same pixels are always under the eye. 1:1 shows one image pixel per screen pixel.
import { useEffect, useRef, useState } from 'react';
import { useShortcuts } from '../../app/useShortcuts';
import { Button } from '../../components/Button';
import { clampPan, fitTransform, zoomAt, type Size, type ViewTransform } from '../../lib/view-transform';
import { ComparePane } from './ComparePane';

export interface CompareImage {
  url: string;
  label: string;
}

interface CompareViewProps {
  left: CompareImage;
  right: CompareImage;
  onClose: () => void;
}

export function CompareView({ left, right, onClose }: CompareViewProps) {
  const [mode, setMode] = useState<'side' | 'slider'>('slider');
  const [split, setSplit] = useState(0.5);
  const [image, setImage] = useState<Size | null>(null);
  const [viewport, setViewport] = useState<Size>({ width: 1, height: 1 });
  const [view, setView] = useState<ViewTransform | null>(null);
  const stage = useRef<HTMLDivElement>(null);

  // Side by side halves the width each image gets.
  const paneSize: Size = mode === 'side' ? { width: (viewport.width - 8) / 2, height: viewport.height } : viewport;
  const fit = image ? fitTransform(image, paneSize) : null;
  const current = view ?? fit;

  useEffect(() => {
    const element = stage.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport({ width: element.clientWidth, height: element.clientHeight }));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const zoomTo = (scale: number, anchor = { x: paneSize.width / 2, y: paneSize.height / 2 }) => {
    if (!current || !fit || !image) return;
    setView(clampPan(zoomAt(current, scale, anchor, fit.scale), image, paneSize));
  };

  useShortcuts({
    Escape: onClose,
    '0': () => setView(null),
    '1': () => zoomTo(1),
    '=': () => current && zoomTo(current.scale * 1.25),
    '-': () => current && zoomTo(current.scale / 1.25),
    s: () => setMode((m) => (m === 'side' ? 'slider' : 'side')),
  });

  const paneProps = {
    transform: current,
    onLoad: (size: Size) => setImage((prev) => prev ?? size),
    onPan: (dx: number, dy: number) => current && image && setView(clampPan({ ...current, x: current.x + dx, y: current.y + dy }, image, paneSize)),
    onZoom: (factor: number, anchor: { x: number; y: number }) => current && zoomTo(current.scale * factor, anchor),
  };

  return (
    <div className="compare" role="dialog" aria-label="Compare" data-testid="compare-view">
      <div className="compare-toolbar">
        <div className="segmented">
          <button type="button" className={`segment${mode === 'slider' ? ' is-selected' : ''}`} onClick={() => setMode('slider')} data-testid="compare-mode-slider">
            Before / after
          </button>
          <button type="button" className={`segment${mode === 'side' ? ' is-selected' : ''}`} onClick={() => setMode('side')} data-testid="compare-mode-side">
            Side by side
          </button>
        </div>
        <div className="compare-zoom">
          <Button variant="ghost" onClick={() => setView(null)} title="Fit (0)">
            Fit
          </Button>
          <Button variant="ghost" onClick={() => zoomTo(1)} title="Actual pixels (1)" data-testid="zoom-1to1">
            1:1
          </Button>
          <span className="muted mono" data-testid="zoom-level">
            {current ? `${Math.round(current.scale * 100)}%` : ''}
          </span>
        </div>
        <Button variant="ghost" icon="close" aria-label="Close compare" onClick={onClose} />
      </div>
      <div className={`compare-stage mode-${mode}`} ref={stage}>
        {mode === 'side' ? (
          <>
            <ComparePane image={left} {...paneProps} />
            <ComparePane image={right} {...paneProps} />
          </>
        ) : (
          <div className="compare-overlay">
            <ComparePane image={right} {...paneProps} />
            <div className="compare-before" style={{ clipPath: `inset(0 ${(1 - split) * 100}% 0 0)` }}>
              <ComparePane image={left} {...paneProps} />
            </div>
            <div className="compare-divider" style={{ left: `${split * 100}%` }} aria-hidden="true" />
            <input
              type="range"
              className="compare-slider"
              data-testid="compare-slider"
              aria-label="Before / after position"
              min={0}
              max={1000}
              value={Math.round(split * 1000)}
              onChange={(e) => setSplit(Number(e.target.value) / 1000)}
            />
          </div>
        )}
      </div>
    </div>
  );
}
