// Shared by the `pairlight projects …` commands: the same services and dispatcher as the app,
// so the CLI validates exactly like the window does.
import { invokeCommand } from '../../app/dispatch';
import { createServices } from '../../app/services';
import type { CommandName, CommandOutput } from '../../contract';
import type { CliContext } from '../command';

/** Runs one contract command against the library; prints the user message and returns null on failure. */
export async function invokeOnLibrary<C extends CommandName>(ctx: CliContext, command: C, input: unknown): Promise<CommandOutput<C> | null> {
  const services = createServices({ dataDir: ctx.dataDir });
  try {
    const reply = await invokeCommand(services, command, input);
    if (reply.ok) return reply.result as CommandOutput<C>;
    ctx.err(`${reply.error.message} [${reply.error.code}]`);
    return null;
  } finally {
    await services.close();
  }
}
