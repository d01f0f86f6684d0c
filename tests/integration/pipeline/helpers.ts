// Shared set-up for the pipeline tests: real services over a temp library (jobs registered),
// the bundled sample couple, and a small-canvas theme override so drafts and upscales stay fast.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandInput, CommandName, CommandOutput } from '../../../electron/contract';
import { PairlightError } from '../../../electron/contract';
import { invokeCommand } from '../../../electron/app/dispatch';
import { registerAppJobs } from '../../../electron/app/jobs/registry';
import { createServices, type AppServices } from '../../../electron/app/services';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const sampleA = join(repoRoot, 'resources/samples/person-a.jpg');
export const sampleB = join(repoRoot, 'resources/samples/person-b.jpg');
/** 160 px short side: the pipeline is the same, the pixels are ~23× fewer than a 768 px draft. */
export const SMALL = { canvas: { shortSide: 160 } };

export function tempLibrary(dataDir = mkdtempSync(join(tmpdir(), 'pairlight-pipeline-'))): { services: AppServices; dataDir: string; dispose(removeDir?: boolean): Promise<void> } {
  const services = createServices({ dataDir });
  registerAppJobs(services);
  return {
    services,
    dataDir,
    async dispose(removeDir = true) {
      await services.close();
      if (removeDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function call<C extends CommandName>(services: AppServices, command: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
  const reply = await invokeCommand(services, command, input);
  if (!reply.ok) throw new PairlightError(reply.error.code, reply.error.message, reply.error.details);
  return reply.result as CommandOutput<C>;
}

export async function coupleProject(services: AppServices): Promise<{ projectId: string; personA: string; personB: string }> {
  const project = await call(services, 'projects.create', { name: 'Test couple', kind: 'couple' });
  const a = await call(services, 'photos.import', { projectId: project.id, role: 'a', path: sampleA });
  const b = await call(services, 'photos.import', { projectId: project.id, role: 'b', path: sampleB });
  return { projectId: project.id, personA: a.personId!, personB: b.personId! };
}
