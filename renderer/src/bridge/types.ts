// The renderer's only view of the contract. Everything else imports from here, so the day
// electron/contract.ts changes shape this is the one file to touch.
// INTERIM: electron/contract.ts has not landed yet; these mirror the agreed shape.

export type ProjectKind = 'couple' | 'baby' | 'client';

export interface Project {
  id: string;
  name: string;
  kind: ProjectKind;
  createdAt: string;
  updatedAt: string;
  imageCount: number;
  /** Relative path of the cover image inside the project folder, when there is one. */
  coverPath: string | null;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface JobStep {
  name: string;
  status: 'pending' | 'running' | 'done' | 'failed' | 'cancelled';
}

export interface Job {
  id: string;
  projectId: string | null;
  kind: string;
  status: JobStatus;
  steps: JobStep[];
  /** Index of the step being worked on. */
  step: number;
  progress: number;
  message: string | null;
  error: { code: string; message: string } | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export type ProviderPreference = 'auto' | 'cuda' | 'dml' | 'coreml' | 'cpu';

export interface Settings {
  provider: ProviderPreference;
  threads: number;
  embedMetadata: boolean;
}

export interface AppInfo {
  version: string;
  dataDir: string;
  providersAvailable: string[];
  providerInUse: string;
}

export interface CommandMap {
  'projects.list': { input: Record<string, never>; output: Project[] };
  'projects.create': { input: { name: string; kind: ProjectKind }; output: Project };
  'projects.rename': { input: { id: string; name: string }; output: Project };
  'projects.delete': { input: { id: string }; output: { deleted: true } };
  'projects.get': { input: { id: string }; output: Project };
  'jobs.list': { input: { projectId?: string }; output: Job[] };
  'jobs.cancel': { input: { id: string }; output: Job };
  'jobs.retry': { input: { id: string }; output: Job };
  'settings.get': { input: Record<string, never>; output: Settings };
  'settings.set': { input: Partial<Settings>; output: Settings };
  'app.info': { input: Record<string, never>; output: AppInfo };
}

export interface EventMap {
  'job.progress': { jobId: string; step: number | string; fraction: number; message: string | null };
  'job.updated': Job;
  'projects.changed': unknown;
}

export type CommandName = keyof CommandMap;
export type CommandInput<C extends CommandName> = CommandMap[C]['input'];
export type CommandOutput<C extends CommandName> = CommandMap[C]['output'];
export type EventName = keyof EventMap;
export type EventPayload<E extends EventName> = EventMap[E];

export interface PairlightBridge {
  invoke<C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>>;
  on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void;
  mediaUrl(projectId: string, relPath: string): string;
}

/** Command names the running contract knows; screens light up when their commands appear. */
export const knownCommands: ReadonlySet<string> = new Set<string>([
  'projects.list', 'projects.create', 'projects.rename', 'projects.delete', 'projects.get',
  'jobs.list', 'jobs.cancel', 'jobs.retry', 'settings.get', 'settings.set', 'app.info',
]);
