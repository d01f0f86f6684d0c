// Parses NCNN's text .param format: a magic line, "layerCount blobCount", then one layer
// per line: type name bottomCount topCount bottoms… tops… key=value…
// Keys −23300−k hold arrays for key k, written "count,v1,v2,…".

export const NCNN_PARAM_MAGIC = 7767517;

export type NcnnParamValue = number | number[];

export interface NcnnLayer {
  type: string;
  name: string;
  inputs: string[];
  outputs: string[];
  /** Keyed by the layer's own parameter id (array keys already mapped back to k). */
  params: Map<number, NcnnParamValue>;
}

export interface NcnnParam {
  layers: NcnnLayer[];
  blobCount: number;
}

export class NcnnParseError extends Error {
  readonly code = 'NCNN_PARSE_FAILED';
}

const ARRAY_KEY_BASE = -23300;

function parseNumber(text: string, where: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v)) throw new NcnnParseError(`${where}: "${text}" is not a number`);
  return v;
}

function parseLine(line: string, lineNo: number): NcnnLayer {
  const tok = line.trim().split(/\s+/);
  const where = `.param line ${lineNo}`;
  if (tok.length < 4) throw new NcnnParseError(`${where}: expected "type name bottomCount topCount …", got "${line.trim()}"`);
  const [type, name] = tok;
  const nIn = parseNumber(tok[2], where);
  const nOut = parseNumber(tok[3], where);
  if (!Number.isInteger(nIn) || !Number.isInteger(nOut) || nIn < 0 || nOut < 0) {
    throw new NcnnParseError(`${where}: blob counts must be whole numbers, got ${tok[2]} ${tok[3]}`);
  }
  if (tok.length < 4 + nIn + nOut) throw new NcnnParseError(`${where} (${name}): declares ${nIn} inputs and ${nOut} outputs but lists fewer blob names`);
  const inputs = tok.slice(4, 4 + nIn);
  const outputs = tok.slice(4 + nIn, 4 + nIn + nOut);
  const params = new Map<number, NcnnParamValue>();
  for (const kv of tok.slice(4 + nIn + nOut)) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new NcnnParseError(`${where} (${name}): parameter "${kv}" is not key=value`);
    const key = parseNumber(kv.slice(0, eq), where);
    const raw = kv.slice(eq + 1);
    if (key <= ARRAY_KEY_BASE) {
      const parts = raw.split(',');
      const count = parseNumber(parts[0], where);
      const values = parts.slice(1).map((p) => parseNumber(p, where));
      if (values.length !== count) throw new NcnnParseError(`${where} (${name}): array parameter ${key} says ${count} values but has ${values.length}`);
      params.set(ARRAY_KEY_BASE - key, values);
    } else {
      params.set(key, parseNumber(raw, where));
    }
  }
  return { type, name, inputs, outputs, params };
}

export function parseNcnnParam(text: string): NcnnParam {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new NcnnParseError('.param file is empty or truncated');
  if (parseNumber(lines[0].trim(), '.param line 1') !== NCNN_PARAM_MAGIC) {
    throw new NcnnParseError(`.param line 1: magic ${lines[0].trim()} is not ${NCNN_PARAM_MAGIC} (is this a binary .param.bin?)`);
  }
  const counts = lines[1].trim().split(/\s+/).map((t) => parseNumber(t, '.param line 2'));
  if (counts.length !== 2) throw new NcnnParseError('.param line 2: expected "layerCount blobCount"');
  const [layerCount, blobCount] = counts;
  const layers = lines.slice(2).map((l, i) => parseLine(l, i + 3));
  if (layers.length !== layerCount) throw new NcnnParseError(`.param declares ${layerCount} layers but holds ${layers.length}`);
  return { layers, blobCount };
}

/** Reads a scalar parameter, with NCNN's default when absent. */
export function scalarParam(layer: NcnnLayer, key: number, fallback: number): number {
  const v = layer.params.get(key);
  if (v === undefined) return fallback;
  if (Array.isArray(v)) throw new NcnnParseError(`${layer.type} ${layer.name}: parameter ${key} should be a single value`);
  return v;
}

export function arrayParam(layer: NcnnLayer, key: number): number[] | undefined {
  const v = layer.params.get(key);
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v : [v];
}
