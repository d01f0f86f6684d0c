// Full-size view with the keyboard of a photo app: arrows move, 1–5 rate, 0 clears,
// F favourites, Delete removes (with undo), Escape closes.
import { useShortcuts } from '../../app/useShortcuts';
import { Button } from '../../components/Button';
import { Icon } from '../../components/Icon';
import type { GalleryImage } from '../../stores/gallery';
import { LineagePanel } from './LineagePanel';
import { Stars } from './Stars';

interface LightboxProps {
  image: GalleryImage;
  index: number;
  count: number;
  chain: GalleryImage[];
  onMove: (delta: number) => void;
  onRate: (rating: number) => void;
  onFavourite: () => void;
  onDelete: () => void;
  onSelect: (id: string) => void;
  onRemix: (image: GalleryImage) => void;
  onClose: () => void;
}

export function Lightbox(props: LightboxProps) {
  const { image } = props;
  const rate = (n: number) => () => props.onRate(n);
  useShortcuts({
    ArrowLeft: () => props.onMove(-1),
    ArrowRight: () => props.onMove(1),
    Escape: props.onClose,
    f: props.onFavourite,
    Delete: props.onDelete,
    Backspace: props.onDelete,
    '0': rate(0),
    '1': rate(1),
    '2': rate(2),
    '3': rate(3),
    '4': rate(4),
    '5': rate(5),
  });

  return (
    <div className="lightbox" role="dialog" aria-label="Image" data-testid="lightbox">
      <div className="lightbox-stage">
        <Button variant="ghost" icon="left" className="lightbox-nav prev" aria-label="Previous (←)" disabled={props.index <= 0} onClick={() => props.onMove(-1)} />
        <img
          key={image.id}
          src={image.url}
          alt=""
          className="lightbox-image"
          decoding="async"
        />
        <Button variant="ghost" icon="right" className="lightbox-nav next" aria-label="Next (→)" disabled={props.index >= props.count - 1} onClick={() => props.onMove(1)} />
      </div>
      <div className="lightbox-side">
        <div className="lightbox-bar">
          <span className="muted mono">
            {props.index + 1} / {props.count}
          </span>
          <Button variant="ghost" icon="close" aria-label="Close (Esc)" onClick={props.onClose} />
        </div>
        <div className="lightbox-actions">
          <Stars rating={image.rating} onRate={props.onRate} />
          <button type="button" className={`icon-btn${image.favourite ? ' is-on' : ''}`} aria-pressed={image.favourite} data-testid="favourite" title="Favourite (F)" onClick={props.onFavourite}>
            <Icon name="heart" filled={image.favourite} />
          </button>
          <button type="button" className="icon-btn danger" data-testid="delete-image" title="Delete (Del)" onClick={props.onDelete}>
            <Icon name="trash" />
          </button>
        </div>
        <p className="muted small">
          {image.width} × {image.height} · {image.theme ?? 'no theme'}
        </p>
        <LineagePanel chain={props.chain} onSelect={props.onSelect} onRemix={props.onRemix} />
      </div>
    </div>
  );
}
