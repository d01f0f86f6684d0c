import { Icon } from '../../components/Icon';

export function Stars({ rating, onRate }: { rating: number; onRate?: (rating: number) => void }) {
  return (
    <span className="stars" aria-label={`${rating} of 5 stars`} data-testid="rating" data-rating={rating}>
      {[1, 2, 3, 4, 5].map((n) =>
        onRate ? (
          <button key={n} type="button" className={`star${n <= rating ? ' is-on' : ''}`} aria-label={`Rate ${n}`} onClick={() => onRate(n === rating ? 0 : n)}>
            <Icon name="star" size={14} filled={n <= rating} />
          </button>
        ) : (
          <span key={n} className={`star${n <= rating ? ' is-on' : ''}`}>
            <Icon name="star" size={11} filled={n <= rating} />
          </span>
        ),
      )}
    </span>
  );
}
