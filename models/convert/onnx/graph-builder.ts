// A small typed layer over the ONNX protobuf schema (onnx-proto): the one place that
// writes ONNX files. Converters (TFJS, NCNN) and the analytic test denoisers all build
// graphs through it, so opset, IR version and tensor encoding are decided once.
import onnxProto from 'onnx-proto';

const { onnx } = onnxProto as unknown as { onnx: typeof import('onnx-proto').onnx };

export const DEFAULT_OPSET = 17;
/** IR 8 is what opset 17 pairs with; onnxruntime 1.30 reads it. */
const IR_VERSION = 8;

export type ElemType = 'float' | 'int64' | 'int32' | 'bool' | 'float16' | 'uint8';

const ELEM_TYPE: Record<ElemType, number> = {
  float: onnx.TensorProto.DataType.FLOAT,
  int64: onnx.TensorProto.DataType.INT64,
  int32: onnx.TensorProto.DataType.INT32,
  bool: onnx.TensorProto.DataType.BOOL,
  float16: onnx.TensorProto.DataType.FLOAT16,
  uint8: onnx.TensorProto.DataType.UINT8,
};

/** A dimension is a fixed size or a symbolic name such as 'batch'. */
export type Dim = number | string;

export type TensorData = Float32Array | BigInt64Array | Int32Array | Uint8Array;

export interface ConstTensor {
  data: TensorData;
  dims: readonly number[];
}

/** Attributes are tagged so that 1 (int) and 1.0 (float) cannot be confused. */
export type Attr =
  | { kind: 'i'; value: number }
  | { kind: 'f'; value: number }
  | { kind: 's'; value: string }
  | { kind: 'ints'; value: readonly number[] }
  | { kind: 'floats'; value: readonly number[] }
  | { kind: 't'; value: ConstTensor };

export const attr = {
  i: (value: number): Attr => ({ kind: 'i', value }),
  f: (value: number): Attr => ({ kind: 'f', value }),
  s: (value: string): Attr => ({ kind: 's', value }),
  ints: (value: readonly number[]): Attr => ({ kind: 'ints', value }),
  floats: (value: readonly number[]): Attr => ({ kind: 'floats', value }),
  t: (value: ConstTensor): Attr => ({ kind: 't', value }),
};

export interface NodeSpec {
  op: string;
  inputs: readonly string[];
  outputs: readonly string[];
  attrs?: Record<string, Attr>;
  name?: string;
  domain?: string;
}

function elemTypeOf(data: TensorData): ElemType {
  if (data instanceof Float32Array) return 'float';
  if (data instanceof BigInt64Array) return 'int64';
  if (data instanceof Int32Array) return 'int32';
  return 'uint8';
}

function tensorProto(name: string, t: ConstTensor): import('onnx-proto').onnx.ITensorProto {
  const count = t.dims.reduce((a, b) => a * b, 1);
  if (count !== t.data.length) {
    throw new Error(`tensor ${name}: dims [${t.dims.join(',')}] hold ${count} values but ${t.data.length} were given`);
  }
  // raw_data is little-endian; every platform we ship on is little-endian, and the
  // typed array's bytes are copied so later mutation of the source cannot leak in.
  const bytes = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength).slice();
  return { name, dims: [...t.dims], dataType: ELEM_TYPE[elemTypeOf(t.data)], rawData: bytes };
}

function attributeProto(name: string, a: Attr): import('onnx-proto').onnx.IAttributeProto {
  const T = onnx.AttributeProto.AttributeType;
  switch (a.kind) {
    case 'i':
      return { name, type: T.INT, i: a.value };
    case 'f':
      return { name, type: T.FLOAT, f: a.value };
    case 's':
      return { name, type: T.STRING, s: new TextEncoder().encode(a.value) };
    case 'ints':
      return { name, type: T.INTS, ints: [...a.value] };
    case 'floats':
      return { name, type: T.FLOATS, floats: [...a.value] };
    case 't':
      return { name, type: T.TENSOR, t: tensorProto(name, a.value) };
  }
}

function valueInfo(name: string, type: ElemType, dims: readonly Dim[]): import('onnx-proto').onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: ELEM_TYPE[type],
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}

export class OnnxGraphBuilder {
  private readonly nodes: NodeSpec[] = [];
  private readonly inits = new Map<string, ConstTensor>();
  private readonly inputs: import('onnx-proto').onnx.IValueInfoProto[] = [];
  private readonly outputs: import('onnx-proto').onnx.IValueInfoProto[] = [];
  private readonly meta = new Map<string, string>();
  private readonly used = new Set<string>();
  private counter = 0;

  constructor(
    readonly graphName: string,
    readonly opset: number = DEFAULT_OPSET,
  ) {}

  /** A name not used yet in this graph, derived from a readable prefix. */
  fresh(prefix: string): string {
    let name = prefix;
    while (this.used.has(name)) name = `${prefix}_${++this.counter}`;
    this.used.add(name);
    return name;
  }

  input(name: string, dims: readonly Dim[], type: ElemType = 'float'): string {
    this.used.add(name);
    this.inputs.push(valueInfo(name, type, dims));
    return name;
  }

  output(name: string, dims: readonly Dim[], type: ElemType = 'float'): string {
    this.outputs.push(valueInfo(name, type, dims));
    return name;
  }

  /** Adds a constant tensor (weights) and returns its name. */
  initializer(prefix: string, data: TensorData, dims: readonly number[]): string {
    const name = this.fresh(prefix);
    this.inits.set(name, { data, dims });
    return name;
  }

  constFloat(prefix: string, values: readonly number[] | Float32Array, dims?: readonly number[]): string {
    const data = values instanceof Float32Array ? values : Float32Array.from(values);
    return this.initializer(prefix, data, dims ?? [data.length]);
  }

  constInt64(prefix: string, values: readonly number[], dims?: readonly number[]): string {
    return this.initializer(prefix, BigInt64Array.from(values.map((v) => BigInt(v))), dims ?? [values.length]);
  }

  hasInitializer(name: string): boolean {
    return this.inits.has(name);
  }

  getInitializer(name: string): ConstTensor | undefined {
    return this.inits.get(name);
  }

  /** Adds a node; outputs given as a count get fresh names derived from the op. */
  node(op: string, inputs: readonly string[], outputs: readonly string[] | number = 1, attrs?: Record<string, Attr>): string[] {
    const outNames = typeof outputs === 'number' ? Array.from({ length: outputs }, () => this.fresh(op.toLowerCase())) : [...outputs];
    for (const o of outNames) this.used.add(o);
    this.nodes.push({ op, inputs, outputs: outNames, attrs, name: this.fresh(`n_${op}`) });
    return outNames;
  }

  /** Shorthand for a node with one output. */
  op(op: string, inputs: readonly string[], attrs?: Record<string, Attr>): string {
    return this.node(op, inputs, 1, attrs)[0];
  }

  metadata(key: string, value: string): this {
    this.meta.set(key, value);
    return this;
  }

  nodeCount(): number {
    return this.nodes.length;
  }

  opTypes(): string[] {
    return [...new Set(this.nodes.map((n) => n.op))].sort();
  }

  toBytes(producer = 'pairlight'): Uint8Array {
    const graph: import('onnx-proto').onnx.IGraphProto = {
      name: this.graphName,
      node: this.nodes.map((n) => ({
        opType: n.op,
        input: [...n.inputs],
        output: [...n.outputs],
        name: n.name,
        domain: n.domain ?? '',
        attribute: Object.entries(n.attrs ?? {}).map(([k, v]) => attributeProto(k, v)),
      })),
      initializer: [...this.inits.entries()].map(([name, t]) => tensorProto(name, t)),
      input: this.inputs,
      output: this.outputs,
    };
    const model = onnx.ModelProto.create({
      irVersion: IR_VERSION,
      producerName: producer,
      opsetImport: [{ domain: '', version: this.opset }],
      graph,
      metadataProps: [...this.meta.entries()].map(([key, value]) => ({ key, value })),
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

/** Reads the metadata_props of an ONNX file without loading it into a session. */
export function readOnnxMetadata(bytes: Uint8Array): Record<string, string> {
  const model = onnx.ModelProto.decode(bytes);
  const out: Record<string, string> = {};
  for (const p of model.metadataProps ?? []) if (p.key) out[p.key] = p.value ?? '';
  return out;
}

/** Decodes an ONNX model (for inspection in tests and the contract check). */
export function decodeOnnx(bytes: Uint8Array): import('onnx-proto').onnx.ModelProto {
  return onnx.ModelProto.decode(bytes);
}
