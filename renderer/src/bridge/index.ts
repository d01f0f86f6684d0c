// The renderer talks to Pairlight through one PairlightBridge and never asks which one it got.
import { BridgeError } from './errors';
import { createHttpBridge, tokenFromLocation } from './http';
import type { PairlightBridge } from './types';

declare global {
  interface Window {
    pairlight?: PairlightBridge;
  }
}

function pickBridge(): PairlightBridge {
  if (window.pairlight) return window.pairlight;
  const token = tokenFromLocation(window.location.search);
  if (!token) return unavailableBridge();
  return createHttpBridge({ origin: window.location.origin, token });
}

/** Opened without Electron and without a host token: every command says how to open Pairlight properly. */
function unavailableBridge(): PairlightBridge {
  const error = new BridgeError(
    'NO_CONNECTION',
    'This page needs the link printed by `npm run serve` (it carries the access token).',
  );
  return {
    invoke: () => Promise.reject(error),
    on: () => () => {},
    mediaUrl: () => '',
  };
}

export const bridge: PairlightBridge = pickBridge();
export { toUserError, BridgeError } from './errors';
export type { UserError } from './errors';
export * from './types';
