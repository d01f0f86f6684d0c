// `pairlight projects create NAME [--kind couple|baby|client] [--json]`
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { invokeOnLibrary } from './projects-common';

export const command: CliCommand = {
  name: ['projects', 'create'],
  summary: 'Create a project',
  usage: 'pairlight projects create NAME [--kind couple|baby|client] [--json]',
  async run(args, ctx) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: { kind: { type: 'string', default: 'couple' }, json: { type: 'boolean', default: false } } });
    } catch (error) {
      ctx.err(`${(error as Error).message}\nUsage: ${command.usage}`);
      return 2;
    }
    if (parsed.positionals.length !== 1) {
      ctx.err(`Give exactly one project name (quote it if it has spaces).\nUsage: ${command.usage}`);
      return 2;
    }
    const project = await invokeOnLibrary(ctx, 'projects.create', { name: parsed.positionals[0], kind: parsed.values.kind });
    if (!project) return 2;
    ctx.out(parsed.values.json ? JSON.stringify(project, null, 2) : `Created ${project.kind} project "${project.name}" (${project.id}).`);
    return 0;
  },
};

export default command;
