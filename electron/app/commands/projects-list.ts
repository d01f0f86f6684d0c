import type { Handler } from './types';

export const projectsList: Handler<'projects.list'> = (_input, services) => services.repos.projects.list();
