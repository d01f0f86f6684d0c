import { useEffect, useState } from 'react';
import type { Project, ProjectKind } from '../../bridge/types';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { KIND_HINT, KIND_LABEL, KINDS } from './kinds';

interface ProjectNameDialogProps {
  open: boolean;
  /** Renaming this project; null means creating a new one. */
  project: Project | null;
  onClose: () => void;
  onSubmit: (name: string, kind: ProjectKind) => Promise<void>;
}

export function ProjectNameDialog({ open, project, onClose, onSubmit }: ProjectNameDialogProps) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ProjectKind>('couple');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setName(project?.name ?? '');
    setKind(project?.kind ?? 'couple');
    setBusy(false);
  }, [open, project]);

  const trimmed = name.trim();
  const creating = project === null;

  return (
    <Dialog title={creating ? 'New project' : 'Rename project'} open={open} onClose={onClose} testId={creating ? 'new-project-dialog' : 'rename-dialog'}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!trimmed || busy) return;
          setBusy(true);
          void onSubmit(trimmed, kind).finally(() => setBusy(false));
        }}
      >
        <label className="field">
          <span className="field-label">Name</span>
          <input
            autoFocus
            className="input"
            data-testid="project-name-input"
            value={name}
            maxLength={120}
            placeholder={creating ? 'e.g. Anna & Marc' : undefined}
            onChange={(e) => setName(e.target.value)}
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
        {creating && (
          <fieldset className="field">
            <legend className="field-label">Kind</legend>
            <div className="kind-picker" role="radiogroup">
              {KINDS.map((k) => (
                <label key={k} className={`kind-option${kind === k ? ' is-selected' : ''}`} data-testid={`kind-${k}`}>
                  <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                  <span className="kind-option-name">{KIND_LABEL[k]}</span>
                  <span className="kind-option-hint">{KIND_HINT[k]}</span>
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <div className="dialog-actions">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" disabled={!trimmed || busy} data-testid={creating ? 'create-project' : 'save-rename'}>
            {creating ? 'Create project' : 'Rename'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
