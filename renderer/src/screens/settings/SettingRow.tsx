import type { ReactNode } from 'react';

export function SettingRow({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <div className="setting-row">
      <div className="setting-text">
        <div className="setting-title">{title}</div>
        <div className="setting-hint muted">{hint}</div>
      </div>
      <div className="setting-control">{children}</div>
    </div>
  );
}
