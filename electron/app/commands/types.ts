import type { CommandName, CommandOutput, ParsedCommandInput } from '../../contract';
import type { AppServices } from '../services';

/**
 * A contract command's implementation: receives the input already validated by the contract's
 * schema, returns the output (checked against the output schema by the dispatcher), throws a
 * PairlightError for anything the user can act on.
 */
export type Handler<C extends CommandName> = (
  input: ParsedCommandInput<C>,
  services: AppServices,
) => Promise<CommandOutput<C>> | CommandOutput<C>;

export type HandlerMap = { [C in CommandName]: Handler<C> };
