// Which commands this build of the contract offers. Screens whose commands have not landed
// show what they are waiting for instead of pretending; they light up when the contract grows.
import { isCommandName } from './types';

export function hasCommand(name: string): boolean {
  return isCommandName(name);
}
