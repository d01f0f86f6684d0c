// How numbers and dates read in the UI. Pure, so they are unit-tested without a browser.

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** "12 s", "3 min", "1 h 05 min": remaining time, rounded the way people estimate. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '';
  if (seconds < 1) return 'under 1 s';
  if (seconds < MINUTE) return `${Math.round(seconds)} s`;
  if (seconds < HOUR) {
    const minutes = Math.round(seconds / MINUTE);
    return minutes >= 60 ? '1 h 00 min' : `${minutes} min`;
  }
  const hours = Math.floor(seconds / HOUR);
  const minutes = Math.round((seconds - hours * HOUR) / MINUTE);
  if (minutes === 60) return `${hours + 1} h 00 min`;
  return `${hours} h ${String(minutes).padStart(2, '0')} min`;
}

/** "Today", "Yesterday", else a short local date; project cards show when work happened, not a timestamp. */
export function formatDay(iso: string, now: Date = new Date(), locale?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOf(now) - startOf(date)) / 86_400_000);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  const sameYear = date.getFullYear() === now.getFullYear();
  return date.toLocaleDateString(locale, sameYear ? { day: 'numeric', month: 'short' } : { day: 'numeric', month: 'short', year: 'numeric' });
}

export function formatCount(count: number, one: string, many: string): string {
  if (count === 0) return `No ${many}`;
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

export function formatPercent(fraction: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
  return `${Math.floor(clamped * 100)}%`;
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** Identity similarity (cosine, -1..1) shown as a 0–100 score. */
export function formatIdentityScore(cosine: number): string {
  return String(Math.round(Math.max(0, Math.min(1, cosine)) * 100));
}
