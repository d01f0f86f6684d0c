// The one place where a network output is turned into a clean-image estimate and back.
//
// Every schedule is written as x = a·x0 + b·noise (a, b from schedule.ts). The four
// prediction types are then linear in (x, x0) with coefficients that depend on a, b only:
//   eps  (Ho et al. 2020):        eps  = (x - a·x0) / b
//   x0:                           x0   = x0
//   v    (Salimans & Ho 2022):    v    = a·noise - b·x0          = (a/b)·x - ((a²+b²)/b)·x0
//   flow (rectified flow, Liu et al. 2022; velocity dx/dt on x = (1-t)·x0 + t·noise):
//                                 flow = noise - x0              = x/b - ((a+b)/b)·x0
// The formulas are written once over an abstract arithmetic, so the samplers (numbers) and
// the exact test denoisers (ONNX graph nodes) cannot disagree about them.
import type { Prediction } from '../../models/diffusion/contract';

export interface Arith<T> {
  add(x: T, y: T): T;
  sub(x: T, y: T): T;
  mul(x: T, y: T): T;
  div(x: T, y: T): T;
  constant(v: number): T;
}

/** pred = dx·x + d0·x0 */
export interface Linear<T> {
  cx: T;
  cp: T;
}

export const numberArith: Arith<number> = {
  add: (x, y) => x + y,
  sub: (x, y) => x - y,
  mul: (x, y) => x * y,
  div: (x, y) => x / y,
  constant: (v) => v,
};

/** Coefficients with prediction = cx·x + cp·x0: what an exact model outputs. */
export function predictionFromX0<T>(p: Prediction, a: T, b: T, ar: Arith<T>): Linear<T> {
  // Constants are made only where used: in a graph every one becomes an initializer.
  const neg = (v: T) => ar.sub(ar.constant(0), v);
  switch (p) {
    case 'eps':
      return { cx: ar.div(ar.constant(1), b), cp: neg(ar.div(a, b)) };
    case 'x0':
      return { cx: ar.constant(0), cp: ar.constant(1) };
    case 'v':
      return { cx: ar.div(a, b), cp: neg(ar.div(ar.add(ar.mul(a, a), ar.mul(b, b)), b)) };
    case 'flow':
      return { cx: ar.div(ar.constant(1), b), cp: neg(ar.div(ar.add(a, b), b)) };
  }
}

/** Coefficients with x0 = cx·x + cp·prediction: the inverse of predictionFromX0. */
export function x0FromPrediction<T>(p: Prediction, a: T, b: T, ar: Arith<T>): Linear<T> {
  const neg = (v: T) => ar.sub(ar.constant(0), v);
  switch (p) {
    case 'eps':
      return { cx: ar.div(ar.constant(1), a), cp: neg(ar.div(b, a)) };
    case 'x0':
      return { cx: ar.constant(0), cp: ar.constant(1) };
    case 'v': {
      const n = ar.add(ar.mul(a, a), ar.mul(b, b));
      return { cx: ar.div(a, n), cp: neg(ar.div(b, n)) };
    }
    case 'flow': {
      const n = ar.add(a, b);
      return { cx: ar.div(ar.constant(1), n), cp: neg(ar.div(b, n)) };
    }
  }
}
