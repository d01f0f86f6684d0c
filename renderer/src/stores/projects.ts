// Projects as the UI sees them: the list, what is loading, and the actions on it.
import { createStore } from 'zustand/vanilla';
import { toUserError } from '../bridge/errors';
import type { PairlightBridge, Project, ProjectKind } from '../bridge/types';
import type { ToastStore } from './toasts';

export interface ProjectsState {
  projects: Project[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  query: string;
  setQuery(query: string): void;
  load(): Promise<void>;
  create(name: string, kind: ProjectKind): Promise<Project | null>;
  rename(id: string, name: string): Promise<boolean>;
  remove(id: string): Promise<boolean>;
}

export function createProjectsStore(bridge: PairlightBridge, toasts: ToastStore) {
  const fail = (error: unknown) => {
    toasts.getState().error(toUserError(error));
  };
  return createStore<ProjectsState>()((set, get) => ({
    projects: [],
    status: 'idle',
    query: '',
    setQuery(query) {
      set({ query });
    },
    async load() {
      if (get().status === 'idle') set({ status: 'loading' });
      try {
        const projects = await bridge.invoke('projects.list', {});
        set({ projects: sortProjects(projects), status: 'ready' });
      } catch (error) {
        set({ status: get().projects.length ? 'ready' : 'error' });
        fail(error);
      }
    },
    async create(name, kind) {
      try {
        const project = await bridge.invoke('projects.create', { name, kind });
        set((s) => ({ projects: sortProjects([project, ...s.projects.filter((p) => p.id !== project.id)]) }));
        return project;
      } catch (error) {
        fail(error);
        return null;
      }
    },
    async rename(id, name) {
      try {
        const project = await bridge.invoke('projects.rename', { id, name });
        set((s) => ({ projects: s.projects.map((p) => (p.id === id ? project : p)) }));
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },
    async remove(id) {
      try {
        await bridge.invoke('projects.delete', { id });
        set((s) => ({ projects: s.projects.filter((p) => p.id !== id) }));
        return true;
      } catch (error) {
        fail(error);
        return false;
      }
    },
  }));
}

/** Most recently touched first: the project you worked on yesterday is the one you want. */
export function sortProjects(projects: Project[]): Project[] {
  return [...projects].sort((a, b) => (b.updatedAt ?? b.createdAt).localeCompare(a.updatedAt ?? a.createdAt));
}

/** Case- and accent-insensitive match on name and kind. */
export function filterProjects(projects: Project[], query: string): Project[] {
  const needle = fold(query.trim());
  if (!needle) return projects;
  return projects.filter((p) => fold(p.name).includes(needle) || p.kind === needle);
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

export type ProjectsStore = ReturnType<typeof createProjectsStore>;
