// `pairlight projects list [--json]`
import type { CliCommand } from '../command';
import { invokeOnLibrary } from './projects-common';

export const command: CliCommand = {
  name: ['projects', 'list'],
  summary: 'List the projects in the library',
  usage: 'pairlight projects list [--json]',
  async run(args, ctx) {
    const unknown = args.filter((a) => a !== '--json');
    if (unknown.length > 0) {
      ctx.err(`Unknown option ${unknown[0]}.\nUsage: ${command.usage}`);
      return 2;
    }
    const projects = await invokeOnLibrary(ctx, 'projects.list', {});
    if (!projects) return 1;
    if (args.includes('--json')) {
      ctx.out(JSON.stringify(projects, null, 2));
      return 0;
    }
    if (projects.length === 0) {
      ctx.out('No projects yet. Create one with: pairlight projects create NAME --kind couple|baby|client');
      return 0;
    }
    for (const p of projects) ctx.out(`${p.id}  ${p.kind.padEnd(6)}  ${String(p.imageCount).padStart(4)} images  ${p.name}`);
    return 0;
  },
};

export default command;
