// In a group photo, the person clicks the face that is theirs. Boxes are positioned in
// percentages of the photo, so they stay on their faces at any card size.
import type { FaceView } from '../../stores/session';

interface FacePickerProps {
  photo: { width: number; height: number };
  faces: FaceView[];
  selected: number;
  onPick: (index: number) => void;
}

export function FacePicker({ photo, faces, selected, onPick }: FacePickerProps) {
  if (faces.length < 2) return null;
  return (
    <div className="face-picker" style={{ aspectRatio: `${photo.width} / ${photo.height}` }}>
      {faces.map((face, index) => (
        <button
          key={index}
          type="button"
          className={`face-box${index === selected ? ' is-selected' : ''}`}
          data-testid="face-box"
          aria-pressed={index === selected}
          aria-label={`Use face ${index + 1}`}
          style={{
            left: `${(face.box.x / photo.width) * 100}%`,
            top: `${(face.box.y / photo.height) * 100}%`,
            width: `${(face.box.width / photo.width) * 100}%`,
            height: `${(face.box.height / photo.height) * 100}%`,
          }}
          onClick={() => onPick(index)}
        />
      ))}
    </div>
  );
}
