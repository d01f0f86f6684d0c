import { useState } from 'react';
import type { Project } from '../../bridge/types';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { formatCount } from '../../lib/format';

export function DeleteProjectDialog({ project, onClose, onConfirm }: { project: Project | null; onClose: () => void; onConfirm: (p: Project) => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title="Delete project?" open={project !== null} onClose={onClose} testId="delete-dialog">
      {project && (
        <>
          <p className="dialog-text">
            <strong>{project.name}</strong> and its folder will be removed from this computer: the imported selfies and{' '}
            {formatCount(project.imageCount, 'generated image', 'generated images').toLowerCase()}. This cannot be undone.
          </p>
          <div className="dialog-actions">
            <Button variant="ghost" onClick={onClose} autoFocus>
              Keep it
            </Button>
            <Button
              variant="danger"
              data-testid="confirm-delete"
              disabled={busy}
              onClick={() => {
                setBusy(true);
                void onConfirm(project).finally(() => setBusy(false));
              }}
            >
              Delete project
            </Button>
          </div>
        </>
      )}
    </Dialog>
  );
}
