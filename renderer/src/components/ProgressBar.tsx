import { formatPercent } from '../lib/format';

export function ProgressBar({ fraction, tone = 'accent', label }: { fraction: number; tone?: 'accent' | 'done' | 'failed' | 'muted'; label?: string }) {
  const percent = formatPercent(fraction);
  return (
    <div className={`progress progress-${tone}`} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={parseInt(percent, 10)}>
      <div className="progress-fill" style={{ transform: `scaleX(${Math.min(1, Math.max(0, fraction))})` }} />
    </div>
  );
}
