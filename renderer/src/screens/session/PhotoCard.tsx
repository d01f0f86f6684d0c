import type { SessionPhoto } from '../../stores/session';
import { AdviceChips } from './AdviceChips';
import { FacePicker } from './FacePicker';
import { MeshOverlay } from './MeshOverlay';

interface PhotoCardProps {
  photo: SessionPhoto;
  showMesh: boolean;
  onPickFace: (index: number) => void;
}

export function PhotoCard({ photo, showMesh, onPickFace }: PhotoCardProps) {
  const face = photo.faces?.[photo.selectedFace];
  return (
    <figure className="photo-card" data-testid="photo-card">
      {/* The frame's aspect ratio is known before the image loads: no jump when it arrives. */}
      <div className="photo-frame" style={{ aspectRatio: `${photo.width} / ${photo.height}` }}>
        <img src={photo.url} alt={photo.name} decoding="async" />
        {showMesh && photo.faces && photo.faces.length > 0 && <MeshOverlay photo={photo} faces={photo.faces} selectedFace={photo.selectedFace} />}
        {photo.faces && <FacePicker photo={photo} faces={photo.faces} selected={photo.selectedFace} onPick={onPickFace} />}
      </div>
      <figcaption className="photo-caption">
        <span className="photo-name">{photo.name}</span>
        {photo.faces === null && <span className="chip">Not analysed</span>}
        {photo.faces?.length === 0 && <span className="chip chip-blocker">No face found: try a photo where the face is large and lit from the front.</span>}
        {face && <AdviceChips advice={face.advice} />}
      </figcaption>
    </figure>
  );
}
