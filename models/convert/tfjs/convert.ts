// TFJS graph model → ONNX. Walks the TF nodes the outputs depend on, in dependency order,
// and emits ONNX nodes that keep 4-D activations in NCHW: the NHWC graph input is transposed
// once at the entry and outputs are returned in the shape TFJS gives them.
import { OnnxGraphBuilder } from '../onnx/graph-builder';
import { ConversionContext, sanitize } from './context';
import { inputRef, signatureOutputs, type TfNode, type TfjsModelJson } from './model-json';
import { OP_HANDLERS } from './ops/index';
import { onnxDims, type DynValue, type Value } from './values';
import type { DecodedWeight } from './weights';

export interface TfjsOutputSpec {
  /** TF node name (as in model.json), e.g. 'Identity_2'. */
  node: string;
  /** ONNX output name. */
  name: string;
}

export interface TfjsConvertOptions {
  /** Names the model in errors, e.g. 'facemesh'. */
  label: string;
  /** ONNX name for the graph input; defaults to the TF placeholder's name. */
  inputName?: string;
  /** Which TF nodes become outputs and what they are called; defaults to the signature's outputs. */
  outputs?: TfjsOutputSpec[];
  /** ONNX metadata_props to embed (e.g. the source package and version). */
  metadata?: Record<string, string>;
}

export interface ConvertedIo {
  name: string;
  /** TF order; -1 is the symbolic batch. */
  shape: number[];
}

export interface TfjsConversion {
  bytes: Uint8Array;
  inputs: ConvertedIo[];
  outputs: ConvertedIo[];
  onnxOps: string[];
  nodeCount: number;
}

function placeholderShape(node: TfNode, label: string): number[] {
  const dims = node.attr?.shape?.shape?.dim;
  if (!dims) throw new Error(`${label}: input ${node.name} has no static shape; the converter needs one`);
  return dims.map((d) => Number(d.size ?? -1));
}

/** Converts a parsed model.json and its decoded weights into ONNX bytes. Deterministic. */
export function convertTfjsGraph(model: TfjsModelJson, weights: Map<string, DecodedWeight>, opts: TfjsConvertOptions): TfjsConversion {
  const { label } = opts;
  const byName = new Map<string, TfNode>();
  for (const n of model.modelTopology.node) byName.set(n.name, n);
  const outputs: TfjsOutputSpec[] = opts.outputs ?? signatureOutputs(model).map((n) => ({ node: n, name: sanitize(n) }));
  if (outputs.length === 0) throw new Error(`${label}: no outputs given and the model has no signature outputs`);
  for (const o of outputs) {
    if (!byName.has(o.node)) throw new Error(`${label}: output node ${o.node} does not exist in model.json`);
  }

  const g = new OnnxGraphBuilder(label);
  const ctx = new ConversionContext(g, label);
  // Output names are reserved first so no intermediate tensor can take them.
  for (const o of outputs) {
    if (g.fresh(o.name) !== o.name) throw new Error(`${label}: output name ${o.name} is used twice`);
  }
  const values = new Map<string, Value[]>();
  const inputs: ConvertedIo[] = [];
  const placeholders = model.modelTopology.node.filter((n) => n.op === 'Placeholder');

  const evaluate = (node: TfNode): Value[] => {
    if (node.op === 'Const') {
      const w = weights.get(node.name);
      if (!w) throw new Error(`${label}: constant ${node.name} has no entry in the weights manifest; model.json and the .bin files do not match`);
      return [{ kind: 'const', dtype: w.dtype, shape: w.shape, data: w.data, source: node.name }];
    }
    if (node.op === 'Placeholder') {
      const shape = placeholderShape(node, label);
      const name = opts.inputName && placeholders.length === 1 ? opts.inputName : sanitize(node.name);
      g.input(name, onnxDims(shape));
      inputs.push({ name, shape });
      return [{ kind: 'dyn', name, shape, layout: 'tf' }];
    }
    const handler = OP_HANDLERS[node.op];
    if (!handler) {
      throw new Error(`${label}: TF op ${node.op} (node ${node.name}) is not supported by the TFJS converter; add a handler in models/convert/tfjs/ops/`);
    }
    const ins = (node.input ?? []).flatMap((ref) => {
      const r = inputRef(ref);
      if (!r) return [];
      const v = values.get(r.node)?.[r.index];
      if (!v) throw new Error(`${label}: internal: input ${ref} of ${node.name} not evaluated`);
      return [v];
    });
    const where = `${label}: node ${node.name} (${node.op})`;
    const out = handler({ node, inputs: ins, ctx, at: ctx.attrs(node), where });
    return Array.isArray(out) ? out : [out];
  };

  // Iterative post-order walk: deep graphs must not hit the JS call stack limit.
  const visiting = new Set<string>();
  for (const o of outputs) {
    const stack: { name: string; expanded: boolean }[] = [{ name: o.node, expanded: false }];
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (values.has(top.name)) {
        stack.pop();
        continue;
      }
      const node = byName.get(top.name);
      if (!node) throw new Error(`${label}: node ${top.name} is referenced but not defined in model.json`);
      if (!top.expanded) {
        top.expanded = true;
        visiting.add(top.name);
        for (const ref of [...(node.input ?? [])].reverse()) {
          const r = inputRef(ref);
          if (!r || values.has(r.node)) continue;
          if (visiting.has(r.node)) throw new Error(`${label}: the graph has a cycle through ${r.node}`);
          stack.push({ name: r.node, expanded: false });
        }
        continue;
      }
      stack.pop();
      visiting.delete(top.name);
      values.set(top.name, evaluate(node));
    }
  }

  const outIo: ConvertedIo[] = [];
  for (const o of outputs) {
    const v = values.get(o.node)![0];
    if (v.kind !== 'dyn') throw new Error(`${label}: output ${o.node} is a constant; nothing to compute`);
    const tf = ctx.asTf(v as DynValue);
    g.node('Identity', [tf], [o.name]);
    g.output(o.name, onnxDims(v.shape));
    outIo.push({ name: o.name, shape: v.shape });
  }
  for (const [k, val] of Object.entries(opts.metadata ?? {})) g.metadata(k, val);
  return { bytes: g.toBytes(), inputs, outputs: outIo, onnxOps: g.opTypes(), nodeCount: g.nodeCount() };
}
