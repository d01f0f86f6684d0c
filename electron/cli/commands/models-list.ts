// `pairlight models list [--json]`: the catalog models, whether each is built and intact.
import type { CatalogEntry } from '../../../models/catalog-types';
import { loadCatalog, verifyBuiltModel } from '../../../models/catalog';
import type { CliCommand } from '../command';

export interface ModelListRow {
  id: string;
  task: CatalogEntry['task'];
  title: string;
  file: string;
  sha256: string;
  bytes: number;
  licence: string;
  /** Worst difference to the reference at build time; null when never verified. */
  verifiedMaxError: number | null;
  verifiedOutputRange: number | null;
  installed: boolean;
  /** Why not installed, and what to do. */
  problem?: string;
}

export async function listModels(): Promise<ModelListRow[]> {
  const catalog = loadCatalog();
  const rows: ModelListRow[] = [];
  for (const m of catalog.models.filter((x) => !x.testOnly)) {
    const status = await verifyBuiltModel(m.id, catalog);
    rows.push({
      id: m.id,
      task: m.task,
      title: m.title,
      file: m.file,
      sha256: m.sha256,
      bytes: m.bytes,
      licence: m.provenance.weightsLicence,
      verifiedMaxError: m.verification?.maxAbsError ?? null,
      verifiedOutputRange: m.verification?.outputRange ?? null,
      installed: status.installed,
      ...(status.problem ? { problem: status.problem } : {}),
    });
  }
  return rows;
}

export const command: CliCommand = {
  name: ['models', 'list'],
  summary: 'List the built-in models, their licences and whether each is built and intact',
  usage: 'pairlight models list [--json]',
  async run(args, ctx) {
    const unknown = args.filter((a) => a !== '--json');
    if (unknown.length > 0) {
      ctx.err(`Unknown option ${unknown[0]}.\nUsage: ${command.usage}`);
      return 2;
    }
    let rows: ModelListRow[];
    try {
      rows = await listModels();
    } catch (err) {
      ctx.err((err as Error).message);
      return 1;
    }
    if (args.includes('--json')) {
      ctx.out(JSON.stringify(rows, null, 2));
      return 0;
    }
    for (const r of rows) {
      const err = r.verifiedMaxError === null ? 'not verified' : `max err ${r.verifiedMaxError.toExponential(1)}`;
      ctx.out(`${r.installed ? 'ok     ' : 'MISSING'}  ${r.id.padEnd(18)} ${r.task.padEnd(15)} ${(r.bytes / 1e6).toFixed(1).padStart(5)} MB  ${err.padEnd(13)}  ${r.licence}`);
      if (r.problem) ctx.out(`         ${r.problem}`);
    }
    if (rows.some((r) => !r.installed)) ctx.out('Build missing models with: npm run models');
    return 0;
  },
};

export default command;
