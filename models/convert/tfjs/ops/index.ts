// Every TF op the converter understands, by TF op name.
import type { OpHandler } from '../context';
import { activationOps } from './activation';
import { binaryOps } from './binary';
import { convOps } from './conv';
import { matmulOps } from './matmul';
import { poolOps } from './pool';
import { reduceOps } from './reduce';
import { shapeOps } from './shape';

export const OP_HANDLERS: Readonly<Record<string, OpHandler>> = {
  ...activationOps,
  ...binaryOps,
  ...convOps,
  ...matmulOps,
  ...poolOps,
  ...reduceOps,
  ...shapeOps,
};

export function supportedOps(): string[] {
  return [...Object.keys(OP_HANDLERS), 'Const', 'Placeholder'].sort();
}
