import type { Handler } from './types';

export const settingsSet: Handler<'settings.set'> = (patch, services) => services.repos.settings.set(patch, services.clock());
