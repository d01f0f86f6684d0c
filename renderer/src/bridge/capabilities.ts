// Which commands this build of the contract offers. Screens whose commands have not landed
// show what they are waiting for instead of pretending.
import { knownCommands } from './types';

export function hasCommand(name: string): boolean {
  return knownCommands.has(name);
}
