// The single entry point of every command, whatever the transport: name checked against the
// contract, input parsed by the command's schema (nothing runs on bad input), handler called,
// output checked, every failure turned into a typed error.
import type { z } from 'zod';
import { commands, isCommandName, PairlightError, type CommandName, type InvokeResponse } from '../contract';
import { handlers } from './commands';
import type { Handler } from './commands/types';
import { asPairlightError } from './errors';
import type { AppServices } from './services';

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

export async function invokeCommand(services: AppServices, command: unknown, input: unknown): Promise<InvokeResponse> {
  try {
    if (!isCommandName(command)) {
      throw new PairlightError('UNKNOWN_COMMAND', `Pairlight has no command called "${String(command).slice(0, 80)}". Update the app if this persists.`);
    }
    const spec = commands[command];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      throw new PairlightError('VALIDATION', `That request was not valid: ${describeIssues(parsed.error.issues)}. Check the values and try again.`, {
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      });
    }
    const handler = handlers[command] as Handler<CommandName>;
    const result = await handler(parsed.data as never, services);
    // A handler returning the wrong shape is our bug: report INTERNAL rather than send it on.
    const checked = spec.output.safeParse(result);
    if (!checked.success) {
      console.error(`Pairlight: ${command} returned data outside the contract:`, checked.error.issues);
      throw new PairlightError('INTERNAL', 'Pairlight produced an unexpected answer. Please try again; if it keeps happening, report it.');
    }
    return { ok: true, result: checked.data } as InvokeResponse;
  } catch (error) {
    const failure = asPairlightError(error);
    if (failure.code === 'INTERNAL' && !(error instanceof PairlightError)) console.error(`Pairlight: ${String(command)} failed:`, error);
    return { ok: false, error: failure.toJSON() };
  }
}
