import type { PersonSlot, SessionPhoto } from '../../stores/session';
import { DropZone } from './DropZone';
import { PhotoCard } from './PhotoCard';

interface PeopleColumnProps {
  /** "Person" for a couple, "Parent" for a baby: the zones read "Person A", "Parent B"… */
  label: string;
  photos: SessionPhoto[];
  showMesh: boolean;
  importing: PersonSlot | null;
  /** When set, import is not possible and this says why. */
  importReason: string | null;
  onFiles: (person: PersonSlot, files: File[]) => Promise<void>;
  onPickFace: (photoId: string, faceIndex: number) => Promise<void>;
}

/** The two drop zones with each person's photo cards (mesh overlay, advice, face picker). */
export function PeopleColumn({ label, photos, showMesh, importing, importReason, onFiles, onPickFace }: PeopleColumnProps) {
  return (
    <div className="people-column">
      {(['A', 'B'] as const).map((person) => (
        <DropZone
          key={person}
          person={person}
          title={`${label} ${person}`}
          disabledReason={importReason ?? (importing === person ? 'Importing and analysing…' : null)}
          onFiles={(files) => void onFiles(person, files)}
        >
          {photos
            .filter((photo) => photo.person === person)
            .map((photo) => (
              <PhotoCard key={photo.id} photo={photo} showMesh={showMesh} onPickFace={(i) => void onPickFace(photo.id, i)} />
            ))}
        </DropZone>
      ))}
    </div>
  );
}
