// Draws the 468 (+10 iris) mesh points over a photo card. A canvas, because 478 DOM nodes per
// face would cost more than the photo itself.
import { useEffect, useRef } from 'react';
import { containBox, FACE_POINTS, toCanvas } from '../../lib/mesh';
import type { FaceView } from '../../stores/session';

interface MeshOverlayProps {
  photo: { width: number; height: number };
  faces: FaceView[];
  selectedFace: number;
}

export function MeshOverlay({ photo, faces, selectedFace }: MeshOverlayProps) {
  const ref = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const draw = () => {
      const { clientWidth: w, clientHeight: h } = canvas;
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.round(w * ratio);
      canvas.height = Math.round(h * ratio);
      const ctx = canvas.getContext('2d');
      if (!ctx) return;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, w, h);
      const fit = containBox(photo, { width: w, height: h });
      faces.forEach((face, index) => {
        const selected = index === selectedFace;
        const xy = toCanvas(face.points, fit);
        // Dots scale with the face on screen, but never below a pixel: a 300 px card must still show the mesh.
        const radius = Math.max(1, Math.min(2, fit.scale * face.box.width * 0.005));
        for (let i = 0; i < xy.length / 2; i++) {
          ctx.fillStyle = i >= FACE_POINTS ? 'rgba(255, 196, 92, 0.95)' : selected ? 'rgba(120, 225, 255, 0.95)' : 'rgba(220, 220, 220, 0.55)';
          ctx.beginPath();
          ctx.arc(xy[i * 2], xy[i * 2 + 1], radius, 0, Math.PI * 2);
          ctx.fill();
        }
      });
    };
    draw();
    const observer = new ResizeObserver(draw);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [photo, faces, selectedFace]);

  const pointCount = faces[selectedFace]?.points.length ?? 0;
  return <canvas ref={ref} className="mesh-overlay" data-testid="mesh-overlay" data-points={pointCount} aria-label={`Face mesh, ${pointCount} points`} />;
}
