// The shape every `pairlight` sub-command has: one command, one file under commands/.
export interface CliContext {
  /** Where projects and the database live (PAIRLIGHT_DATA_DIR or the platform default). */
  dataDir: string;
  out: (line: string) => void;
  err: (line: string) => void;
}

export interface CliCommand {
  /** The words that select it, e.g. ['models', 'list'] for `pairlight models list`. */
  name: string[];
  summary: string;
  usage: string;
  /** Returns the process exit code. Bad input prints a specific message to err and returns 2. */
  run(args: string[], ctx: CliContext): Promise<number>;
}
