// Reads a TFJS graph model from disk: model.json plus the .bin shards next to it.
import fs from 'node:fs';
import path from 'node:path';
import { parseModelJson, type TfjsModelJson } from './model-json';
import { decodeWeights, type DecodedWeight } from './weights';

export interface LoadedTfjsModel {
  model: TfjsModelJson;
  weights: Map<string, DecodedWeight>;
  /** The raw shard bytes per manifest group (the tfjs reference loads the same bytes). */
  shards: Uint8Array[][];
}

function readOrExplain(file: string, label: string, what: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(`${label}: cannot read ${what} ${file} (${code ?? (err as Error).message}); run npm install to restore the model package`);
  }
}

export function loadTfjsModel(modelJsonPath: string, label: string): LoadedTfjsModel {
  const model = parseModelJson(readOrExplain(modelJsonPath, label, 'model.json').toString('utf8'), label);
  const dir = path.dirname(modelJsonPath);
  const shards = model.weightsManifest.map((group) =>
    group.paths.map((p) => {
      const buf = readOrExplain(path.join(dir, p), label, 'weight file');
      return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
    }),
  );
  return { model, weights: decodeWeights(model.weightsManifest, shards, label), shards };
}
