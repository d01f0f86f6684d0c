// Reads TF node attributes from their JSON form: int64 arrive as strings, strings as base64.
import type { TfNode } from './model-json';

export class AttrReader {
  constructor(
    private readonly node: TfNode,
    private readonly label: string,
  ) {}

  private missing(key: string): Error {
    return new Error(`${this.label}: node ${this.node.name} (${this.node.op}) lacks attribute "${key}"`);
  }

  has(key: string): boolean {
    return this.node.attr?.[key] !== undefined;
  }

  int(key: string, fallback?: number): number {
    const a = this.node.attr?.[key];
    if (a?.i === undefined) {
      if (fallback !== undefined) return fallback;
      throw this.missing(key);
    }
    return Number(a.i);
  }

  float(key: string, fallback?: number): number {
    const a = this.node.attr?.[key];
    if (a?.f === undefined) {
      if (fallback !== undefined) return fallback;
      throw this.missing(key);
    }
    return a.f;
  }

  bool(key: string, fallback?: boolean): boolean {
    const a = this.node.attr?.[key];
    if (a?.b === undefined) {
      if (fallback !== undefined) return fallback;
      throw this.missing(key);
    }
    return a.b;
  }

  string(key: string, fallback?: string): string {
    const a = this.node.attr?.[key];
    if (a?.s === undefined) {
      if (fallback !== undefined) return fallback;
      throw this.missing(key);
    }
    return Buffer.from(a.s, 'base64').toString('utf8');
  }

  ints(key: string, fallback?: number[]): number[] {
    const a = this.node.attr?.[key];
    if (!a?.list) {
      if (fallback !== undefined) return fallback;
      throw this.missing(key);
    }
    return (a.list.i ?? []).map(Number);
  }

  strings(key: string): string[] {
    return (this.node.attr?.[key]?.list?.s ?? []).map((s) => Buffer.from(s, 'base64').toString('utf8'));
  }
}
