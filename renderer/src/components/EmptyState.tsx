import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** Says what this place is for and what to do next; never a blank panel. */
export function EmptyState({ icon, title, children, action, testId }: { icon: IconName; title: string; children?: ReactNode; action?: ReactNode; testId?: string }) {
  return (
    <div className="empty" data-testid={testId}>
      <div className="empty-icon">
        <Icon name={icon} size={28} />
      </div>
      <h3>{title}</h3>
      {children && <p>{children}</p>}
      {action && <div className="empty-action">{action}</div>}
    </div>
  );
}
