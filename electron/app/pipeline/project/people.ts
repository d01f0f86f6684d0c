// The couple's two people are rows with role 'a' / 'b', made the first time a photo is given a role.
import type { PersonRole } from '../../../contract';
import { newId } from '../../ids';
import type { AppServices } from '../../services';
import type { Person } from '../../store/repositories';

const NAMES: Record<PersonRole, string> = { a: 'Person A', b: 'Person B' };

export function personForRole(services: AppServices, projectId: string, role: PersonRole): Person | null {
  return services.repos.people.listByProject(projectId).find((p) => p.role === role) ?? null;
}

/** Call inside the transaction that uses it. */
export function ensurePerson(services: AppServices, projectId: string, role: PersonRole): Person {
  return personForRole(services, projectId, role) ?? services.repos.people.insert({ id: newId(), projectId, name: NAMES[role], role, createdAt: services.clock() });
}

export function roleOf(person: Person | null): PersonRole | null {
  return person?.role === 'a' || person?.role === 'b' ? person.role : null;
}
