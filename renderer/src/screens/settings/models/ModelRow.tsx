import type { ModelListItem } from '../../../bridge/types';
import { Button } from '../../../components/Button';
import { ProgressBar } from '../../../components/ProgressBar';
import { formatBytes } from '../../../lib/format';
import type { DownloadProgress } from '../../../stores/models';
import { describeVerification, SOURCE_LABELS, STATUS_LABELS, TASK_LABELS } from './labels';

const PHASE_LABELS: Record<DownloadProgress['phase'], string> = {
  connecting: 'Connecting',
  receiving: 'Receiving',
  retrying: 'Connection lost, retrying',
  verifying: 'Verifying checksum',
  checking: 'Checking the model',
  installing: 'Installing',
};

interface ModelRowProps {
  item: ModelListItem;
  progress: DownloadProgress | undefined;
  busy: boolean;
  onCancel(): void;
  onResume(): void;
  onDiscard(): void;
  onRemove(): void;
}

export function ModelRow({ item, progress, busy, onCancel, onResume, onDiscard, onRemove }: ModelRowProps) {
  const transfer = item.status === 'downloading' || item.status === 'paused';
  // Live events are fresher than the list's snapshot while a download runs.
  const bytes = progress?.bytes ?? item.progress?.bytes ?? 0;
  const total = progress?.total ?? item.progress?.total ?? item.bytes;
  return (
    <li className="model-row" data-testid={`model-${item.id}`} data-status={item.status}>
      <div className="model-main">
        <div className="model-head">
          <span className="model-title">{item.title}</span>
          <span className={`status-pill model-status-${item.status}`} data-testid="model-status">
            {STATUS_LABELS[item.status]}
          </span>
        </div>
        <div className="model-facts">
          <span className="chip" data-testid="model-task">{TASK_LABELS[item.task]}</span>
          <span className="muted">{SOURCE_LABELS[item.source]}</span>
          <span className="muted" data-testid="model-licence">Licence: {item.licence}</span>
          <span className="muted" data-testid="model-verified">{describeVerification(item)}</span>
          {item.bytes !== null && <span className="muted">{formatBytes(item.bytes)}</span>}
          <span className="mono faint" title={`sha256 ${item.sha256}`}>
            {item.id} · {item.sha256.slice(0, 12)}
          </span>
        </div>
        {item.problem && <div className="model-problem">{item.problem}</div>}
        {transfer && (
          <div className="model-transfer" data-testid="model-progress">
            <ProgressBar fraction={total ? bytes / total : 0} tone={item.status === 'paused' ? 'muted' : 'accent'} label={`Download of ${item.title}`} />
            <span className="muted small">
              {formatBytes(bytes)}
              {total ? ` of ${formatBytes(total)}` : ''}
              {item.status === 'downloading' && progress
                ? ` · ${PHASE_LABELS[progress.phase]}${progress.rate > 0 ? ` · ${formatBytes(progress.rate)}/s` : ''}${progress.note ? ` (${progress.note})` : ''}`
                : item.status === 'paused'
                  ? ' · paused, resumes where it stopped'
                  : ''}
            </span>
          </div>
        )}
      </div>
      <div className="model-actions">
        {item.status === 'downloading' && (
          <Button icon="stop" disabled={busy} onClick={onCancel} data-testid="model-cancel">
            Cancel
          </Button>
        )}
        {item.status === 'paused' && (
          <>
            <Button icon="retry" disabled={busy} onClick={onResume} data-testid="model-resume">
              Resume
            </Button>
            <Button variant="ghost" disabled={busy} onClick={onDiscard} data-testid="model-discard">
              Discard
            </Button>
          </>
        )}
        {item.source !== 'built-in' && !transfer && (
          <Button variant="ghost" icon="trash" disabled={busy} onClick={onRemove} data-testid="model-remove" aria-label={`Remove ${item.title}`} title="Remove this model" />
        )}
      </div>
    </li>
  );
}
