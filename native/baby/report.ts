// The trait report: per variation, each trait, from whom, how sure we are, in words a
// parent can read; and a card image (portrait + report) to export.
import sharp from 'sharp';
import type { Image8 } from '../image/types';
import type { ParentTraits, GeometryTraits } from './traits';
import type { ShapeTrait, Source, Variation } from './inheritance';

export interface ReportLine {
  trait: string;
  /** What the child got, in words. */
  value: string;
  from: 'Parent A' | 'Parent B' | 'Both (blend)' | 'Neither parent shows it';
  /** 0..1 how sure the measurement behind it is. */
  confidence: number;
  /** Probability of this outcome under the inheritance model, when it gives one. */
  probability?: number;
}

export interface TraitReport {
  lines: ReportLine[];
  resemblance: { a: number; b: number };
  /** Caveats from the parents' photos (turned head, small face…). */
  caveats: string[];
  model: string;
}

const SHAPE_MEASURES: Record<ShapeTrait, (keyof GeometryTraits)[]> = {
  'face shape': ['faceWidthToHeight'],
  eyes: ['eyeAspect', 'canthalTilt', 'eyeSpacing'],
  brows: ['browHeight', 'browArch'],
  nose: ['noseWidth', 'noseLength'],
  lips: ['mouthWidth', 'lipFullness'],
  'jaw and chin': ['jawToFaceWidth', 'chinToFaceWidth'],
};

function fromWho(source: Source, matchesA = true, matchesB = true): ReportLine['from'] {
  if (source === 'A') return 'Parent A';
  if (source === 'B') return 'Parent B';
  return matchesA || matchesB ? 'Both (blend)' : 'Neither parent shows it';
}

function describeShape(trait: ShapeTrait, t: ParentTraits): string {
  const g = t.geometry;
  switch (trait) {
    case 'face shape':
      return g.faceWidthToHeight.value > 0.9 ? 'round, wide face' : g.faceWidthToHeight.value > 0.8 ? 'oval face' : 'long, narrow face';
    case 'eyes':
      return `${g.eyeAspect.value > 0.33 ? 'round' : g.eyeAspect.value > 0.25 ? 'almond' : 'narrow'} eyes, ${g.canthalTilt.value > 4 ? 'upturned' : g.canthalTilt.value < -2 ? 'downturned' : 'level'} corners`;
    case 'brows':
      return g.browArch.value > 0.07 ? 'arched brows' : 'straight brows';
    case 'nose':
      return `${g.noseWidth.value > 0.8 ? 'broad' : 'narrow'}, ${g.noseLength.value > 0.3 ? 'long' : 'short'} nose`;
    case 'lips':
      return g.lipFullness.value > 0.3 ? 'full lips' : 'thin lips';
    case 'jaw and chin':
      return g.jawToFaceWidth.value > 0.8 ? 'wide jaw' : 'tapered jaw';
  }
}

function shapeConfidence(trait: ShapeTrait, a: ParentTraits, b: ParentTraits, source: Source): number {
  const keys = SHAPE_MEASURES[trait];
  const of = (t: ParentTraits) => keys.reduce((s, k) => s + t.geometry[k].confidence, 0) / keys.length;
  return source === 'A' ? of(a) : source === 'B' ? of(b) : Math.min(of(a), of(b));
}

export function traitReport(a: ParentTraits, b: ParentTraits, v: Variation, resemblance: { a: number; b: number }): TraitReport {
  const lines: ReportLine[] = [];
  for (const trait of Object.keys(v.shapes) as ShapeTrait[]) {
    const c = v.shapes[trait];
    const [da, db] = [describeShape(trait, a), describeShape(trait, b)];
    const value = c.source === 'B' ? db : c.source === 'A' || da === db ? da : `between ${da} and ${db}`;
    lines.push({ trait: trait[0].toUpperCase() + trait.slice(1), value, from: fromWho(c.source), confidence: +shapeConfidence(trait, a, b, c.source).toFixed(2), probability: +c.probability.toFixed(3) });
  }
  const eyeA = a.colour.eyeColour, eyeB = b.colour.eyeColour;
  lines.push({
    trait: 'Eye colour',
    value: v.eyeColour.category,
    from: fromWho(v.eyeColour.source, eyeA.value.category === v.eyeColour.category, eyeB.value.category === v.eyeColour.category),
    confidence: +Math.min(eyeA.confidence, eyeB.confidence).toFixed(2),
    probability: +v.eyeColour.probability.toFixed(3),
  });
  lines.push({
    trait: 'Hair colour',
    value: v.hairColour.category,
    from: fromWho(v.hairColour.source),
    confidence: +Math.min(a.colour.hairColour.confidence, b.colour.hairColour.confidence).toFixed(2),
    probability: +v.hairColour.probability.toFixed(3),
  });
  lines.push({
    trait: 'Skin tone',
    value: `blend, ${Math.round(v.skinTone.weightA * 100)}% parent A (${a.colour.skinTone.value.category} / ${b.colour.skinTone.value.category})`,
    from: 'Both (blend)',
    confidence: +Math.min(a.colour.skinTone.confidence, b.colour.skinTone.confidence).toFixed(2),
  });
  const freckles = Math.max(a.colour.freckles.value, b.colour.freckles.value);
  if (freckles > 0.15) {
    lines.push({ trait: 'Freckles', value: 'may appear in childhood', from: a.colour.freckles.value >= b.colour.freckles.value ? 'Parent A' : 'Parent B', confidence: +Math.max(a.colour.freckles.confidence, b.colour.freckles.confidence).toFixed(2) });
  }
  return {
    lines,
    resemblance,
    caveats: [...a.caveats.map((c) => `Parent A: ${c}`), ...b.caveats.map((c) => `Parent B: ${c}`)],
    model: 'Eye colour: brown over green over blue; hair: dark over red over light (one gene, stated priors). Shapes follow one parent or blend by the resemblance share. Skin tone always blends.',
  };
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A PNG card: the portrait on the left, the report on the right. */
export async function renderReportCard(portrait: Image8, report: TraitReport, title: string): Promise<Buffer> {
  const panelW = 560;
  const h = portrait.height;
  const rows = report.lines
    .map((l, i) => {
      const y = 120 + i * 44;
      const conf = `${Math.round(l.confidence * 100)}% sure${l.probability !== undefined ? ` · p=${l.probability.toFixed(2)}` : ''}`;
      return `<text x="24" y="${y}" font-size="18" font-weight="bold" fill="#f2efe9">${esc(l.trait)}</text>` +
        `<text x="190" y="${y}" font-size="17" fill="#e6e0d6">${esc(l.value.length > 42 ? `${l.value.slice(0, 41)}…` : l.value)}</text>` +
        `<text x="190" y="${y + 19}" font-size="13" fill="#a39d93">${esc(l.from)} · ${conf}</text>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${panelW}" height="${h}">
    <rect width="${panelW}" height="${h}" fill="#23211f"/>
    <g font-family="DejaVu Sans, sans-serif">
      <text x="24" y="48" font-size="26" fill="#f7f3ec">${esc(title)}</text>
      <text x="24" y="80" font-size="16" fill="#cfc8bc">Looks like A ${(report.resemblance.a * 100).toFixed(0)}% · like B ${(report.resemblance.b * 100).toFixed(0)}% (identity similarity)</text>
      ${rows}
      <text x="24" y="${h - 24}" font-size="12" fill="#8d877e">An imaginative estimate from two photos, not a genetic prediction.</text>
    </g></svg>`;
  const base = sharp(Buffer.from(portrait.data.buffer, portrait.data.byteOffset, portrait.data.byteLength), { raw: { width: portrait.width, height: portrait.height, channels: portrait.channels } });
  const portraitPng = await base.png().toBuffer();
  return sharp({ create: { width: portrait.width + panelW, height: h, channels: 3, background: '#23211f' } })
    .composite([
      { input: portraitPng, left: 0, top: 0 },
      { input: Buffer.from(svg), left: portrait.width, top: 0 },
    ])
    .png()
    .toBuffer();
}
