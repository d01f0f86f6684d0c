// Compares a model's declared inputs/outputs with a task contract. Pure: the signature is
// read from an ONNX Runtime session elsewhere, so this is testable on plain objects.
import type { DimRule, TaskContract, TensorRule } from './task-contracts';

export interface TensorSignature {
  name: string;
  /** ORT element type ('float32', 'int64', …) or 'non-tensor'. */
  type: string;
  /** Numbers are fixed sizes; strings are symbolic; -1 also means unknown. */
  dims: readonly (number | string)[];
}

export interface ModelSignature {
  inputs: readonly TensorSignature[];
  outputs: readonly TensorSignature[];
}

/** One thing that is wrong, named by the field that failed so the user can compare with the model card. */
export interface ContractProblem {
  /** e.g. "input 'data' dimension 1", "outputs". */
  field: string;
  message: string;
}

function isSymbolic(d: number | string): boolean {
  return typeof d === 'string' || d < 0;
}

function dimProblem(rule: DimRule, dim: number | string): string | null {
  const shown = isSymbolic(dim) ? `symbolic (${String(dim)})` : String(dim);
  if (typeof rule === 'number') return dim === rule ? null : `is ${shown}, must be ${rule}`;
  if (rule === 'dynamic') return isSymbolic(dim) ? null : `is fixed at ${dim}, must be dynamic (any size)`;
  if (rule === 'batch') return dim === 1 || isSymbolic(dim) ? null : `is ${dim}, the batch size must be 1 or dynamic`;
  return typeof dim === 'number' && dim === 0 ? 'is 0' : null;
}

function describeRule(r: TensorRule): string {
  return `[${r.dims.map((d) => (typeof d === 'number' ? d : d === 'any' ? 'N' : d)).join(', ')}]${r.layout ? ` ${r.layout}` : ''}`;
}

function checkTensors(kind: 'input' | 'output', actual: readonly TensorSignature[], rules: readonly TensorRule[], task: string): ContractProblem[] {
  if (actual.length !== rules.length) {
    const want = rules.map((r) => `${r.label} ${describeRule(r)}`).join(', ');
    return [{ field: `${kind}s`, message: `the model has ${actual.length} ${kind}(s), a ${task} model must have ${rules.length}: ${want}` }];
  }
  const problems: ContractProblem[] = [];
  rules.forEach((rule, i) => {
    const t = actual[i];
    const where = `${kind} '${t.name}' (${rule.label})`;
    if (t.type !== rule.type) {
      problems.push({ field: `${where} type`, message: `${where} is ${t.type}, must be ${rule.type}` });
    }
    if (t.dims.length !== rule.dims.length) {
      problems.push({
        field: `${where} rank`,
        message: `${where} has ${t.dims.length} dimensions [${t.dims.join(', ')}], must have ${rule.dims.length}: ${describeRule(rule)}`,
      });
      return;
    }
    rule.dims.forEach((r, d) => {
      const p = dimProblem(r, t.dims[d]);
      if (p) problems.push({ field: `${where} dimension ${d}`, message: `${where} dimension ${d} ${p} (expected ${describeRule(rule)})` });
    });
  });
  return problems;
}

export function checkSignature(sig: ModelSignature, contract: TaskContract): ContractProblem[] {
  return [...checkTensors('input', sig.inputs, contract.inputs, contract.task), ...checkTensors('output', sig.outputs, contract.outputs, contract.task)];
}
