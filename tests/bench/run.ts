// `npm run bench -- NAME...` runs tests/bench/NAME.bench.ts (all of them when no name is given).
// Each bench module exports `run(): Promise<void>` and prints its own table of medians.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const available = fs.readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace(/\.bench\.ts$/, '')).sort();
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = asked.length ? asked : available;
for (const name of names) {
  if (!available.includes(name)) {
    console.error(`No benchmark named "${name}". Available: ${available.join(', ')}`);
    process.exit(2);
  }
}
for (const name of names) {
  console.log(`\n## bench: ${name}`);
  const mod = (await import(pathToFileURL(path.join(dir, `${name}.bench.ts`)).href)) as { run: () => Promise<void> };
  await mod.run();
}
