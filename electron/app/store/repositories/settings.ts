import { SettingsSchema, type Settings } from '../../../contract';
import type { Db } from '../database';

export const defaultSettings: Settings = {
  provider: 'auto',
  threads: 0,
  embedMetadata: true,
  // 0.6: placeholder until the identity issue measures the same-person threshold of its embedder
  identityThreshold: 0.6,
  maxHeavyJobs: 1,
  appearance: 'system',
};

/**
 * One row per setting, value as JSON. Stored values are re-validated on read: a value written by
 * another version that no longer fits the schema falls back to its default instead of breaking
 * the app.
 */
export class SettingsRepository {
  constructor(private readonly db: Db) {}

  get(): Settings {
    const rows = this.db.prepare('SELECT key, value_json FROM settings').all() as { key: string; value_json: string }[];
    const merged: Record<string, unknown> = { ...defaultSettings };
    const shape = SettingsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
    for (const row of rows) {
      const field = shape[row.key];
      if (!field) continue;
      let value: unknown;
      try {
        value = JSON.parse(row.value_json);
      } catch {
        continue;
      }
      if (field.safeParse(value).success) merged[row.key] = value;
    }
    return SettingsSchema.parse(merged);
  }

  /** Writes the given fields in one transaction; the caller validated them. */
  set(patch: Partial<Settings>, now: string): Settings {
    const upsert = this.db.prepare(
      'INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at',
    );
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(patch)) {
        if (value !== undefined) upsert.run(key, JSON.stringify(value), now);
      }
    })();
    return this.get();
  }
}
