import type { GalleryFilters, GallerySort, ImageStage } from '../../stores/gallery';
import { Icon } from '../../components/Icon';

const STAGES: { id: ImageStage; label: string }[] = [
  { id: 'draft', label: 'Drafts' },
  { id: 'refined', label: 'Refined' },
  { id: 'upscaled', label: 'Upscaled' },
  { id: 'export', label: 'Exports' },
];

interface GalleryToolbarProps {
  filters: GalleryFilters;
  sort: GallerySort;
  themes: string[];
  people: string[];
  count: { shown: number; total: number };
  personLabel: (personId: string) => string;
  onFilters: (patch: Partial<GalleryFilters>) => void;
  onSort: (sort: GallerySort) => void;
}

export function GalleryToolbar({ filters, sort, themes, people, count, personLabel, onFilters, onSort }: GalleryToolbarProps) {
  return (
    <div className="gallery-toolbar" data-testid="gallery-toolbar">
      <div className="segmented" aria-label="Stage">
        {STAGES.map((s) => {
          const on = filters.stages.includes(s.id);
          return (
            <button
              key={s.id}
              type="button"
              className={`segment${on ? ' is-selected' : ''}`}
              aria-pressed={on}
              data-testid={`filter-stage-${s.id}`}
              onClick={() => onFilters({ stages: on ? filters.stages.filter((x) => x !== s.id) : [...filters.stages, s.id] })}
            >
              {s.label}
            </button>
          );
        })}
      </div>
      <label className="select-field" title="Rating">
        <select className="input" aria-label="Rating" data-testid="filter-rating" value={filters.minRating} onChange={(e) => onFilters({ minRating: Number(e.target.value) })}>
          <option value={0}>Any rating</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n === 5 ? '5 stars' : `${n}+ stars`}
            </option>
          ))}
        </select>
      </label>
      <label className="select-field" title="Theme">
        <select className="input" aria-label="Theme" data-testid="filter-theme" value={filters.theme ?? ''} onChange={(e) => onFilters({ theme: e.target.value || null })}>
          <option value="">All themes</option>
          {themes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="select-field" title="Person">
        <select className="input" aria-label="Person" data-testid="filter-person" value={filters.person ?? ''} onChange={(e) => onFilters({ person: e.target.value || null })}>
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p} value={p}>
              {personLabel(p)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={`segment toggle${filters.favouritesOnly ? ' is-selected' : ''}`}
        aria-pressed={filters.favouritesOnly}
        data-testid="filter-favourite"
        onClick={() => onFilters({ favouritesOnly: !filters.favouritesOnly })}
      >
        <Icon name="heart" size={14} filled={filters.favouritesOnly} /> Favourites
      </button>
      <span className="muted small push-right" data-testid="gallery-count">
        {count.shown === count.total ? `${count.total.toLocaleString('en-US')} images` : `${count.shown.toLocaleString('en-US')} of ${count.total.toLocaleString('en-US')}`}
      </span>
      <label className="select-field" title="Sort">
        <select className="input" aria-label="Sort" data-testid="gallery-sort" value={sort} onChange={(e) => onSort(e.target.value as GallerySort)}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
          <option value="rating">Highest rated</option>
        </select>
      </label>
    </div>
  );
}
