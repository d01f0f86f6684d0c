// Synthetic pictures and face data for the harness. They exercise layout, drawing and
// interaction; they are not portraits and never stand in for real results in the app.
import type { GalleryImage, ImageStage } from '../src/stores/gallery';
import type { FaceView } from '../src/stores/session';

/** Deterministic 0..1 sequence (mulberry32), so screenshots are the same on every run. */
export function sequence(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Figure {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  skin: string;
  hair: string;
}

/** A flat "two heads on a backdrop" picture drawn on a canvas, as a blob URL. */
export async function drawPicture(width: number, height: number, hue: number, figures: Figure[], label?: string): Promise<string> {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  const sky = ctx.createLinearGradient(0, 0, 0, height);
  sky.addColorStop(0, `hsl(${hue} 35% 62%)`);
  sky.addColorStop(1, `hsl(${(hue + 30) % 360} 30% 22%)`);
  ctx.fillStyle = sky;
  ctx.fillRect(0, 0, width, height);
  for (const f of figures) {
    ctx.fillStyle = `hsl(${(hue + 180) % 360} 20% 25%)`;
    ctx.beginPath();
    ctx.ellipse(f.cx, f.cy + f.ry * 2.6, f.rx * 2.1, f.ry * 1.6, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = f.hair;
    ctx.beginPath();
    ctx.ellipse(f.cx, f.cy - f.ry * 0.15, f.rx * 1.12, f.ry * 1.1, 0, 0, Math.PI * 2);
    ctx.fill();
    ctx.fillStyle = f.skin;
    ctx.beginPath();
    ctx.ellipse(f.cx, f.cy, f.rx, f.ry, 0, 0, Math.PI * 2);
    ctx.fill();
  }
  if (label) {
    ctx.fillStyle = 'rgba(0,0,0,0.45)';
    ctx.font = `${Math.round(width / 14)}px sans-serif`;
    ctx.fillText(label, width * 0.05, height * 0.94);
  }
  const blob = await new Promise<Blob>((done) => canvas.toBlob((b) => done(b!), 'image/png'));
  return URL.createObjectURL(blob);
}

/**
 * 468 points spread over the face ellipse plus 10 iris points, in photo pixels: the count
 * and placement the overlay must handle, not a real MediaPipe topology.
 */
export function syntheticFace(f: Figure, advice: FaceView['advice'] = []): FaceView {
  const points: [number, number, number][] = [];
  const golden = Math.PI * (3 - Math.sqrt(5));
  for (let i = 0; i < 468; i++) {
    const r = Math.sqrt((i + 0.5) / 468);
    const a = i * golden;
    points.push([f.cx + Math.cos(a) * r * f.rx * 0.95, f.cy + Math.sin(a) * r * f.ry * 0.95, 0]);
  }
  for (const side of [-1, 1]) {
    const ex = f.cx + side * f.rx * 0.38;
    const ey = f.cy - f.ry * 0.12;
    points.push([ex, ey, 0]);
    for (let k = 0; k < 4; k++) points.push([ex + Math.cos((k * Math.PI) / 2) * f.rx * 0.07, ey + Math.sin((k * Math.PI) / 2) * f.rx * 0.07, 0]);
  }
  return { box: { x: f.cx - f.rx, y: f.cy - f.ry, width: f.rx * 2, height: f.ry * 2 }, points, advice };
}

const STAGES: ImageStage[] = ['draft', 'draft', 'draft', 'refined', 'upscaled', 'export'];
const THEMES = ['Golden hour', 'Paris rooftop', 'Studio grey', 'Autumn park', 'Seaside', 'Winter cabin'];

/** n gallery rows over a pool of distinct thumbnails, with a lineage chain every few images. */
export function galleryRows(n: number, thumbs: string[]): GalleryImage[] {
  const next = sequence(7);
  const rows: GalleryImage[] = [];
  const start = Date.UTC(2026, 10, 1);
  for (let i = 0; i < n; i++) {
    const stage = STAGES[i % STAGES.length];
    const parent = stage === 'draft' ? null : rows[i - (i % STAGES.length)]?.id ?? null;
    const url = thumbs[i % thumbs.length];
    rows.push({
      id: `img-${i}`,
      projectId: 'harness',
      url,
      thumbUrl: url,
      width: 1024,
      height: 1280,
      stage,
      theme: THEMES[Math.floor(next() * THEMES.length)],
      rating: next() < 0.3 ? 1 + Math.floor(next() * 5) : 0,
      favourite: next() < 0.08,
      people: next() < 0.5 ? ['Anna', 'Marc'] : ['Anna'],
      createdAt: new Date(start + i * 60_000).toISOString(),
      seed: Math.floor(next() * 4294967295),
      parentId: parent,
      recipe: stage === 'refined' ? { strength: 0.55, sampler: 'DPM++ 2M Karras' } : stage === 'upscaled' ? { model: 'realesrgan-x4plus', size: '4K' } : {},
    });
  }
  return rows;
}
