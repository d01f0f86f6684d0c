import type { GalleryImage } from '../../stores/gallery';
import { Button } from '../../components/Button';

const STAGE_VERB: Record<GalleryImage['stage'], string> = { draft: 'Draft', refined: 'Refined', upscaled: 'Upscaled', export: 'Exported' };

/** "This image came from draft X with seed S, refined with strength T, upscaled with model M." */
export function LineagePanel({ chain, onSelect, onRemix }: { chain: GalleryImage[]; onSelect: (id: string) => void; onRemix: (image: GalleryImage) => void }) {
  const root = chain[0];
  return (
    <aside className="lineage" data-testid="lineage-panel">
      <h3 className="panel-title">Lineage</h3>
      <ol className="lineage-list">
        {chain.map((image) => (
          <li key={image.id}>
            <button type="button" className="lineage-step" onClick={() => onSelect(image.id)}>
              <img src={image.thumbUrl} alt="" />
              <span>
                <strong>{STAGE_VERB[image.stage]}</strong>
                <span className="lineage-facts">
                  {image.seed !== null && <span>seed {image.seed}</span>}
                  {Object.entries(image.recipe).map(([k, v]) => (
                    <span key={k}>
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
