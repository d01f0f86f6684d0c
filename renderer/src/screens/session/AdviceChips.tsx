import type { FaceView } from '../../stores/session';

export function AdviceChips({ advice }: { advice: FaceView['advice'] }) {
  if (advice.length === 0) return <span className="chip chip-ok">Good photo</span>;
  return (
    <div className="chips">
      {advice.map((a) => (
        <span key={a.code} className={`chip chip-${a.severity}`} title={a.message} data-testid="advice-chip">
          {a.message}
        </span>
      ))}
    </div>
  );
}
