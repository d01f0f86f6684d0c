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
  onFilters: (patch: Partial<GalleryFilters>) => void;
  onSort: (sort: GallerySort) => void;
}

export function GalleryToolbar({ filters, sort, themes, people, onFilters, onSort }: GalleryToolbarProps) {
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
      <label className="select-field">
        <span className="field-label">Rating</span>
        <select className="input" data-testid="filter-rating" value={filters.minRating} onChange={(e) => onFilters({ minRating: Number(e.target.value) })}>
          <option value={0}>Any</option>
          {[1, 2, 3, 4, 5].map((n) => (
            <option key={n} value={n}>
              {n === 5 ? '5 stars' : `${n}+ stars`}
            </option>
          ))}
        </select>
      </label>
      <label className="select-field">
        <span className="field-label">Theme</span>
        <select className="input" data-testid="filter-theme" value={filters.theme ?? ''} onChange={(e) => onFilters({ theme: e.target.value || null })}>
          <option value="">All</option>
          {themes.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="select-field">
        <span className="field-label">Person</span>
        <select className="input" data-testid="filter-person" value={filters.person ?? ''} onChange={(e) => onFilters({ person: e.target.value || null })}>
          <option value="">Anyone</option>
          {people.map((p) => (
            <option key={p} value={p}>
              {p}
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
      <label className="select-field push-right">
        <span className="field-label">Sort</span>
        <select className="input" data-testid="gallery-sort" value={sort} onChange={(e) => onSort(e.target.value as GallerySort)}>
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
          <option value="rating">Highest rated</option>
        </select>
      </label>
    </div>
  );
}
