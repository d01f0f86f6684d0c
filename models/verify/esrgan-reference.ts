// An independent fp32 forward pass of an NCNN model in plain TypeScript: direct
// convolution loops written from NCNN's layer semantics (not from ONNX), used to check
// that the converted ONNX graph computes the same function. Plain loops with float64
// accumulation: slow, meant for inputs of a few hundred pixels.
import type { NcnnActivation, NcnnConvolution, NcnnModel, NcnnOp } from '../convert/ncnn/model';

/** One NCNN blob: C planes of H×W floats. */
export interface Blob {
  c: number;
  h: number;
  w: number;
  data: Float32Array;
}

function blob(c: number, h: number, w: number): Blob {
  return { c, h, w, data: new Float32Array(c * h * w) };
}

function sameShape(op: NcnnOp, xs: Blob[]): void {
  for (const x of xs) {
    if (x.c !== xs[0].c || x.h !== xs[0].h || x.w !== xs[0].w) {
      throw new Error(`reference: ${op.kind} "${op.name}" got blobs of different shapes (${xs.map((b) => `${b.c}×${b.h}×${b.w}`).join(', ')})`);
    }
  }
}

function activate(v: number, a: NcnnActivation): number {
  switch (a.type) {
    case 'none':
      return v;
    case 'relu':
      return v < 0 ? 0 : v;
    case 'leakyrelu':
      return v < 0 ? v * a.slope : v;
    case 'clip':
      return v < a.min ? a.min : v > a.max ? a.max : v;
    case 'sigmoid':
      return 1 / (1 + Math.exp(-v));
  }
}

function convolve(op: NcnnConvolution, x: Blob): Blob {
  if (x.c !== op.inChannels) throw new Error(`reference: ${op.name} expects ${op.inChannels} channels, got ${x.c}`);
  const [pt, pl, pb, pr] = op.pads;
  const oh = Math.floor((x.h + pt + pb - op.dilationH * (op.kernelH - 1) - 1) / op.strideH) + 1;
  const ow = Math.floor((x.w + pl + pr - op.dilationW * (op.kernelW - 1) - 1) / op.strideW) + 1;
  const y = blob(op.outChannels, oh, ow);
  const acc = new Float64Array(oh * ow);
  const plane = x.h * x.w;
  for (let oc = 0; oc < op.outChannels; oc++) {
    acc.fill(op.bias ? op.bias[oc] : 0);
    for (let ic = 0; ic < op.inChannels; ic++) {
      const inBase = ic * plane;
      for (let ky = 0; ky < op.kernelH; ky++) {
        for (let kx = 0; kx < op.kernelW; kx++) {
          const wv = op.weight[((oc * op.inChannels + ic) * op.kernelH + ky) * op.kernelW + kx];
          // Output positions whose tap lands inside the input; the rest read zero padding.
          const offX = kx * op.dilationW - pl;
          const ox0 = Math.max(0, Math.ceil(-offX / op.strideW));
          const ox1 = Math.min(ow - 1, Math.floor((x.w - 1 - offX) / op.strideW));
          for (let oy = 0; oy < oh; oy++) {
            const iy = oy * op.strideH + ky * op.dilationH - pt;
            if (iy < 0 || iy >= x.h) continue;
            const row = inBase + iy * x.w;
            const accRow = oy * ow;
            for (let ox = ox0; ox <= ox1; ox++) acc[accRow + ox] += wv * x.data[row + ox * op.strideW + offX];
          }
        }
      }
    }
    const outBase = oc * oh * ow;
    for (let i = 0; i < oh * ow; i++) y.data[outBase + i] = activate(acc[i], op.activation);
  }
  return y;
}

function run(op: NcnnOp, xs: Blob[]): Blob[] {
  switch (op.kind) {
    case 'Input':
      throw new Error('reference: Input is handled by the caller');
    case 'Split':
      return op.outputs.map(() => xs[0]);
    case 'Convolution':
      return [convolve(op, xs[0])];
    case 'PReLU': {
      const x = xs[0];
      if (op.slopes.length !== 1 && op.slopes.length !== x.c) throw new Error(`reference: ${op.name} has ${op.slopes.length} slopes for ${x.c} channels`);
      const y = blob(x.c, x.h, x.w);
      const plane = x.h * x.w;
      for (let c = 0; c < x.c; c++) {
        const s = op.slopes.length === 1 ? op.slopes[0] : op.slopes[c];
        for (let i = c * plane; i < (c + 1) * plane; i++) y.data[i] = x.data[i] < 0 ? x.data[i] * s : x.data[i];
      }
      return [y];
    }
    case 'ReLU': {
      const x = xs[0];
      const y = blob(x.c, x.h, x.w);
      for (let i = 0; i < y.data.length; i++) y.data[i] = x.data[i] < 0 ? x.data[i] * op.slope : x.data[i];
      return [y];
    }
    case 'PixelShuffle': {
      const x = xs[0];
      const r = op.factor;
      if (x.c % (r * r)) throw new Error(`reference: ${op.name} needs channels divisible by ${r * r}, got ${x.c}`);
      const oc = x.c / (r * r);
      const y = blob(oc, x.h * r, x.w * r);
      for (let c = 0; c < oc; c++)
        for (let i = 0; i < r; i++)
          for (let j = 0; j < r; j++) {
            const src = op.mode === 'CRD' ? c * r * r + i * r + j : (i * r + j) * oc + c;
            for (let yy = 0; yy < x.h; yy++)
              for (let xx = 0; xx < x.w; xx++) {
                y.data[(c * y.h + yy * r + i) * y.w + xx * r + j] = x.data[(src * x.h + yy) * x.w + xx];
              }
          }
      return [y];
    }
    case 'InterpNearest': {
      const x = xs[0];
      const oh = Math.floor(x.h * op.scaleH);
      const ow = Math.floor(x.w * op.scaleW);
      const y = blob(x.c, oh, ow);
      const fy = Math.fround(1 / op.scaleH);
      const fx = Math.fround(1 / op.scaleW);
      for (let c = 0; c < x.c; c++)
        for (let yy = 0; yy < oh; yy++) {
          const sy = Math.min(Math.floor(yy * fy), x.h - 1);
          for (let xx = 0; xx < ow; xx++) {
            const sx = Math.min(Math.floor(xx * fx), x.w - 1);
            y.data[(c * oh + yy) * ow + xx] = x.data[(c * x.h + sy) * x.w + sx];
          }
        }
      return [y];
    }
    case 'BinaryOp': {
      const a = xs[0];
      if (xs[1]) sameShape(op, xs);
      const y = blob(a.c, a.h, a.w);
      for (let i = 0; i < y.data.length; i++) {
        const u = a.data[i];
        const v = op.scalar === null ? xs[1].data[i] : op.scalar;
        y.data[i] = op.op === 'add' ? u + v : op.op === 'sub' ? u - v : op.op === 'mul' ? u * v : op.op === 'div' ? u / v : op.op === 'max' ? Math.max(u, v) : Math.min(u, v);
      }
      return [y];
    }
    case 'Eltwise': {
      sameShape(op, xs);
      const y = blob(xs[0].c, xs[0].h, xs[0].w);
      for (let i = 0; i < y.data.length; i++) {
        let v = op.op === 'sum' ? 0 : op.op === 'prod' ? 1 : -Infinity;
        xs.forEach((x, k) => {
          if (op.op === 'sum') v += (op.coeffs?.[k] ?? 1) * x.data[i];
          else if (op.op === 'prod') v *= x.data[i];
          else v = Math.max(v, x.data[i]);
        });
        y.data[i] = v;
      }
      return [y];
    }
    case 'Concat': {
      const axis = op.channelAxis;
      const c = axis === 0 ? xs.reduce((s, b) => s + b.c, 0) : xs[0].c;
      const h = axis === 1 ? xs.reduce((s, b) => s + b.h, 0) : xs[0].h;
      const w = axis === 2 ? xs.reduce((s, b) => s + b.w, 0) : xs[0].w;
      const y = blob(c, h, w);
      let off = 0;
      for (const x of xs) {
        for (let cc = 0; cc < x.c; cc++)
          for (let yy = 0; yy < x.h; yy++)
            for (let xx = 0; xx < x.w; xx++) {
              const [tc, ty, tx] = axis === 0 ? [cc + off, yy, xx] : axis === 1 ? [cc, yy + off, xx] : [cc, yy, xx + off];
              y.data[(tc * h + ty) * w + tx] = x.data[(cc * x.h + yy) * x.w + xx];
            }
        off += axis === 0 ? x.c : axis === 1 ? x.h : x.w;
      }
      return [y];
    }
  }
}

/** Runs the model on one C×H×W input and returns the output blob. */
export function ncnnReferenceForward(model: NcnnModel, input: Blob): Blob {
  const blobs = new Map<string, Blob>([[model.inputBlob, input]]);
  // Free each blob after its last reader so the large RRDB graph stays small in memory.
  const lastUse = new Map<string, number>();
  model.ops.forEach((op, i) => op.inputs.forEach((n) => lastUse.set(n, i)));
  model.ops.forEach((op, i) => {
    if (op.kind === 'Input') return;
    const ys = run(
      op,
      op.inputs.map((n) => blobs.get(n)!),
    );
    op.outputs.forEach((n, k) => blobs.set(n, ys[k]));
    for (const n of op.inputs) if (lastUse.get(n) === i) blobs.delete(n);
  });
  const out = blobs.get(model.outputBlob);
  if (!out) throw new Error(`reference: output blob "${model.outputBlob}" was never produced`);
  return out;
}
