// `pairlight` entry: picks the sub-command whose words match the arguments (longest match
// wins) from commands/index.ts and runs it with an explicit context. No Electron.
import { resolve } from 'node:path';
import { defaultDataDir } from '../app/data-dir';
import { appVersion } from '../app/version';
import type { CliCommand, CliContext } from './command';

const GLOBAL_USAGE = 'Usage: pairlight [--data-dir DIR] COMMAND [ARGS]   (pairlight help lists the commands)';

function helpText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    'Pairlight: couple and future-baby portraits, made on this computer.',
    '',
    GLOBAL_USAGE,
    '',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'The library lives in PAIRLIGHT_DATA_DIR or the platform default; --data-dir overrides both.',
  ].join('\n');
}

/** Splits off global options; returns the error text for a bad one. */
function globalOptions(argv: string[], env: NodeJS.ProcessEnv): { dataDir: string; rest: string[] } | string {
  const rest = [...argv];
  let dataDir = defaultDataDir(env);
  while (rest[0] === '--data-dir' || rest[0]?.startsWith('--data-dir=')) {
    const flag = rest.shift()!;
    const value = flag.includes('=') ? flag.slice(flag.indexOf('=') + 1) : rest.shift();
    if (!value) return `--data-dir needs a folder.\n${GLOBAL_USAGE}`;
    dataDir = resolve(value);
  }
  return { dataDir, rest };
}

export function matchCommand(commands: readonly CliCommand[], args: string[]): { command: CliCommand; rest: string[] } | null {
  let best: CliCommand | null = null;
  for (const c of commands) {
    if (c.name.length <= args.length && c.name.every((w, i) => args[i] === w) && (!best || c.name.length > best.name.length)) best = c;
  }
  return best ? { command: best, rest: args.slice(best.name.length) } : null;
}

export async function runCli(argv: string[], io: Pick<CliContext, 'out' | 'err'>, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const options = globalOptions(argv, env);
  if (typeof options === 'string') {
    io.err(options);
    return 2;
  }
  const { dataDir, rest } = options;
  // Answered before loading the command modules: some load native inference code.
  if (rest[0] === '--version' || rest[0] === '-v') {
    io.out(appVersion());
    return 0;
  }
  const { cliCommands } = await import('./commands');
  if (rest.length === 0 || rest[0] === 'help' || rest[0] === '--help' || rest[0] === '-h') {
    io.out(helpText(cliCommands));
    return rest.length === 0 ? 2 : 0;
  }
  const match = matchCommand(cliCommands, rest);
  if (!match) {
    const group = cliCommands.filter((c) => c.name[0] === rest[0]);
    io.err(
      group.length > 0
        ? `Unknown "${rest[0]}" command "${rest.slice(0, 2).join(' ')}". Try:\n${group.map((c) => `  ${c.usage}`).join('\n')}`
        : `Unknown command "${rest[0]}".\n${GLOBAL_USAGE}`,
    );
    return 2;
  }
  if (match.rest.includes('--help') || match.rest.includes('-h')) {
    io.out(`${match.command.usage}\n\n${match.command.summary}`);
    return 0;
  }
  return match.command.run(match.rest, { dataDir, out: io.out, err: io.err });
}

// Run when executed (tsx electron/cli/main.ts, bin/pairlight.mjs), not when imported by tests.
const invokedDirectly = process.argv[1] !== undefined && /(?:electron[/\\]cli[/\\]main\.ts|pairlight(?:\.mjs)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  runCli(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l) }).then(
    (code) => process.exit(code),
    (error) => {
      console.error('Pairlight failed unexpectedly:', error);
      process.exit(1);
    },
  );
}
