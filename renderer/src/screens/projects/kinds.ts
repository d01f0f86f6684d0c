import type { ProjectKind } from '../../bridge/types';

export const KIND_LABEL: Record<ProjectKind, string> = { couple: 'Couple', baby: 'Baby', client: 'Client' };

export const KIND_HINT: Record<ProjectKind, string> = {
  couple: 'Two people together in one portrait',
  baby: 'A future baby from two parents',
  client: 'A photographer’s batch for a client',
};

export const KINDS: ProjectKind[] = ['couple', 'baby', 'client'];
