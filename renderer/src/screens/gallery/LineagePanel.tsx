import type { GalleryImage } from '../../stores/gallery';
import { Button } from '../../components/Button';
import { useRecipeFacts } from './useLineage';
import { useThumbnail } from './useThumbnail';

const STAGE_VERB: Record<GalleryImage['stage'], string> = { draft: 'Draft', refined: 'Refined', upscaled: 'Upscaled', export: 'Exported' };

/** "This image came from draft X with seed S, refined with strength T, upscaled with model M." */
export function LineagePanel({ chain, onSelect, onRemix }: { chain: GalleryImage[]; onSelect: (id: string) => void; onRemix: (image: GalleryImage) => void }) {
  const root = chain[0];
  const facts = useRecipeFacts(chain[chain.length - 1]?.id ?? null);
  return (
    <aside className="lineage" data-testid="lineage-panel">
      <h3 className="panel-title">Lineage</h3>
      <ol className="lineage-list">
        {chain.map((image) => (
          <li key={image.id}>
            <button type="button" className="lineage-step" onClick={() => onSelect(image.id)}>
              <LineageThumb image={image} />
              <span>
                <strong>{STAGE_VERB[image.stage]}</strong>
                <span className="lineage-facts">
                  {image.seed !== null && <span>seed {image.seed}</span>}
                  {Object.entries(facts?.[image.id] ?? image.recipe).map(([k, v]) => (
                    <span key={k} data-testid="lineage-fact">
                      {k} {v}
                    </span>
                  ))}
                </span>
              </span>
            </button>
          </li>
        ))}
      </ol>
      {root && (
        <Button icon="retry" data-testid="remix" onClick={() => onRemix(root)}>
          Remix this recipe
        </Button>
      )}
    </aside>
  );
}

function LineageThumb({ image }: { image: GalleryImage }) {
  const url = useThumbnail(image);
  return url ? <img src={url} alt="" /> : <span className="lineage-thumb-pending" aria-hidden="true" />;
}
