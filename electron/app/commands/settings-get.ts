import type { Handler } from './types';

export const settingsGet: Handler<'settings.get'> = (_input, services) => services.repos.settings.get();
