import { useState, type ReactNode } from 'react';
import { Icon } from '../../components/Icon';
import type { PersonSlot } from '../../stores/session';

interface DropZoneProps {
  person: PersonSlot;
  title: string;
  /** When set, import is not possible yet and this says why. */
  disabledReason: string | null;
  onFiles: (files: File[]) => void;
  children?: ReactNode;
}

const ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif';

export function DropZone({ person, title, disabledReason, onFiles, children }: DropZoneProps) {
  const [over, setOver] = useState(false);
  const disabled = disabledReason !== null;
  return (
    <section
      className={`drop-zone${over ? ' is-over' : ''}${disabled ? ' is-disabled' : ''}`}
      data-testid={`drop-zone-${person}`}
      aria-label={title}
      onDragOver={(e) => {
        if (disabled) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled) onFiles([...e.dataTransfer.files]);
      }}
    >
      <header className="drop-zone-head">
        <span className={`person-dot person-${person}`}>{person}</span>
        <h2>{title}</h2>
      </header>
      {children}
      <label className="drop-target">
        <Icon name="upload" size={22} />
        <span>{disabled ? disabledReason : 'Drop selfies here or click to choose'}</span>
        <input
          type="file"
          accept={ACCEPT}
          multiple
          disabled={disabled}
          data-testid={`import-${person}`}
          onChange={(e) => {
            onFiles([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </label>
    </section>
  );
}
