// `pairlight projects delete ID`: removes the project's rows and its folder.
import type { CliCommand } from '../command';
import { invokeOnLibrary } from './projects-common';

export const command: CliCommand = {
  name: ['projects', 'delete'],
  summary: 'Delete a project and all its files',
  usage: 'pairlight projects delete PROJECT_ID',
  async run(args, ctx) {
    if (args.length !== 1 || args[0]!.startsWith('-')) {
      ctx.err(`Give the id of the project to delete (see pairlight projects list).\nUsage: ${command.usage}`);
      return 2;
    }
    const deleted = await invokeOnLibrary(ctx, 'projects.delete', { id: args[0] });
    if (!deleted) return 1;
    ctx.out(`Deleted project ${deleted.id}.`);
    return 0;
  },
};

export default command;
