// `pairlight version` (also `pairlight --version`): the app version, for bug reports.
import { appVersion } from '../../app/version';
import type { CliCommand } from '../command';

export const command: CliCommand = {
  name: ['version'],
  summary: 'Print the Pairlight version',
  usage: 'pairlight version',
  async run(args, ctx) {
    if (args.length > 0) {
      ctx.err(`"version" takes no arguments.\nUsage: ${command.usage}`);
      return 2;
    }
    ctx.out(appVersion());
    return 0;
  },
};

export default command;
