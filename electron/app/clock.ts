// Timestamps in one format everywhere (ISO 8601 UTC): sortable as text in SQLite and readable in the UI.
export type Clock = () => string;

export const systemClock: Clock = () => new Date().toISOString();
