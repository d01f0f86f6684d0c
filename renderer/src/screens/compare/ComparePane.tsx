import { useRef } from 'react';
import type { Size, ViewTransform } from '../../lib/view-transform';
import type { CompareImage } from './CompareView';

interface ComparePaneProps {
  image: CompareImage;
  transform: ViewTransform | null;
  onLoad: (size: Size) => void;
  onPan: (dx: number, dy: number) => void;
  onZoom: (factor: number, anchor: { x: number; y: number }) => void;
}

export function ComparePane({ image, transform, onLoad, onPan, onZoom }: ComparePaneProps) {
  const drag = useRef<{ x: number; y: number } | null>(null);
  return (
    <div
      className="compare-pane"
      onPointerDown={(e) => {
        drag.current = { x: e.clientX, y: e.clientY };
        e.currentTarget.setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (!drag.current) return;
        onPan(e.clientX - drag.current.x, e.clientY - drag.current.y);
        drag.current = { x: e.clientX, y: e.clientY };
      }}
      onPointerUp={() => (drag.current = null)}
      onWheel={(e) => {
        const rect = e.currentTarget.getBoundingClientRect();
        onZoom(Math.exp(-e.deltaY * 0.0015), { x: e.clientX - rect.left, y: e.clientY - rect.top });
      }}
    >
      <img
        src={image.url}
        alt={image.label}
        draggable={false}
        className="compare-image"
        // Pixel peeping wants the real pixels, not a smoothed guess, once past 1:1.
        data-pixelated={transform && transform.scale >= 2 ? 'true' : undefined}
        style={transform ? { transform: `translate(${transform.x}px, ${transform.y}px) scale(${transform.scale})` } : { visibility: 'hidden' }}
        onLoad={(e) => onLoad({ width: e.currentTarget.naturalWidth, height: e.currentTarget.naturalHeight })}
      />
      <span className="compare-label">{image.label}</span>
    </div>
  );
}
