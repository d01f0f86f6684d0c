// The parts of a TFJS graph-model model.json the converter reads, parsed with errors that
// name the model and the field, so a truncated or foreign file is caught before conversion.
import { z } from 'zod';

const tfDim = z.object({ size: z.union([z.string(), z.number()]).optional() });
const tfShape = z.object({ dim: z.array(tfDim).optional(), unknownRank: z.boolean().optional() });

/** One attribute value as the TF→JSON conversion writes it (int64 as strings, strings base64). */
export const tfAttrSchema = z.object({
  i: z.union([z.string(), z.number()]).optional(),
  f: z.number().optional(),
  b: z.boolean().optional(),
  s: z.string().optional(),
  type: z.string().optional(),
  shape: tfShape.optional(),
  tensor: z.object({ dtype: z.string().optional(), tensorShape: tfShape.optional() }).passthrough().optional(),
  list: z
    .object({
      i: z.array(z.union([z.string(), z.number()])).optional(),
      f: z.array(z.number()).optional(),
      s: z.array(z.string()).optional(),
      b: z.array(z.boolean()).optional(),
    })
    .passthrough()
    .optional(),
});
export type TfAttr = z.infer<typeof tfAttrSchema>;

export const tfNodeSchema = z.object({
  name: z.string(),
  op: z.string(),
  input: z.array(z.string()).optional(),
  attr: z.record(z.string(), tfAttrSchema).optional(),
});
export type TfNode = z.infer<typeof tfNodeSchema>;

export const weightSpecSchema = z.object({
  name: z.string(),
  shape: z.array(z.number().int().nonnegative()),
  dtype: z.string(),
  quantization: z
    .object({ dtype: z.string(), scale: z.number().optional(), min: z.number().optional() })
    .optional(),
});
export type WeightSpec = z.infer<typeof weightSpecSchema>;

export const weightGroupSchema = z.object({ paths: z.array(z.string()).min(1), weights: z.array(weightSpecSchema) });
export type WeightGroup = z.infer<typeof weightGroupSchema>;

const signatureEntry = z.object({ name: z.string() }).passthrough();
const signatureSchema = z
  .object({ inputs: z.record(z.string(), signatureEntry).optional(), outputs: z.record(z.string(), signatureEntry).optional() })
  .passthrough();

export const modelJsonSchema = z
  .object({
    format: z.string().optional(),
    modelTopology: z.object({
      node: z.array(tfNodeSchema).min(1),
      library: z.object({ function: z.array(z.unknown()).optional() }).passthrough().optional(),
    }).passthrough(),
    weightsManifest: z.array(weightGroupSchema),
    signature: signatureSchema.optional(),
    userDefinedMetadata: z.object({ signature: signatureSchema.optional() }).passthrough().optional(),
  })
  .passthrough();
export type TfjsModelJson = z.infer<typeof modelJsonSchema>;

/** Parses model.json text; `label` names the model in errors. */
export function parseModelJson(text: string, label: string): TfjsModelJson {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`${label}: model.json is not valid JSON (${(err as Error).message}); reinstall the package that provides it`);
  }
  const parsed = modelJsonSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${label}: model.json is not a TFJS graph model: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const fns = parsed.data.modelTopology.library?.function;
  if (fns && fns.length > 0) {
    throw new Error(`${label}: model.json uses a function library (control flow), which the converter does not support`);
  }
  return parsed.data;
}

/** Node name of a graph input reference: drops the ':0' output index; control inputs ('^x') are not data. */
export function inputRef(ref: string): { node: string; index: number } | null {
  if (ref.startsWith('^')) return null;
  const m = /^(.*):(\d+)$/.exec(ref);
  return m ? { node: m[1], index: Number(m[2]) } : { node: ref, index: 0 };
}

/** Output node names listed in the model's signature, in the order written. */
export function signatureOutputs(model: TfjsModelJson): string[] {
  const sig = model.signature ?? model.userDefinedMetadata?.signature;
  return Object.values(sig?.outputs ?? {}).map((o) => inputRef(o.name)!.node);
}
