// Which ONNX Runtime execution providers to try, in which order, for a user setting.
// Pure: the platform and the list of backends the binding reports are passed in.

export type ProviderPreference = 'auto' | 'cuda' | 'dml' | 'coreml' | 'cpu';
export type ProviderName = 'cuda' | 'dml' | 'coreml' | 'cpu';

export interface BackendInfo {
  name: string;
  bundled: boolean;
}

/** The order the design asks for: fastest accelerator first, CPU always last. */
const AUTO_ORDER: readonly ProviderName[] = ['cuda', 'dml', 'coreml', 'cpu'];

/** Providers that can exist on a platform at all (DirectML is Windows-only, CoreML Apple-only). */
export function providersForPlatform(platform: NodeJS.Platform): ProviderName[] {
  return AUTO_ORDER.filter((p) => {
    if (p === 'dml') return platform === 'win32';
    if (p === 'coreml') return platform === 'darwin';
    if (p === 'cuda') return platform === 'linux' || platform === 'win32';
    return true;
  });
}

/**
 * The providers to try, in order. A specific preference is tried first and then falls
 * back through CPU, so asking for CUDA on a machine without it still yields a session.
 */
export function providerPlan(preference: ProviderPreference, platform: NodeJS.Platform): ProviderName[] {
  const possible = providersForPlatform(platform);
  if (preference === 'auto') return possible;
  if (preference === 'cpu') return ['cpu'];
  return [preference, 'cpu'];
}

/**
 * Why a provider cannot be used before even trying, or null when it may work.
 * onnxruntime-node reports `bundled: false` for CUDA when its install step did not
 * fetch the CUDA libraries (as on machines installed with ONNXRUNTIME_NODE_INSTALL=skip).
 */
export function providerUnavailableReason(
  provider: ProviderName,
  platform: NodeJS.Platform,
  backends: readonly BackendInfo[],
  cudaLibrariesPresent = true,
): string | null {
  if (provider === 'cpu') return null;
  if (!providersForPlatform(platform).includes(provider)) {
    return `${label(provider)} is not available on ${platform}`;
  }
  const b = backends.find((x) => x.name === provider);
  if (!b) return `this onnxruntime-node build has no ${label(provider)} support`;
  // CUDA is "not bundled": its libraries arrive through onnxruntime-node's install step. When
  // they are absent, trying anyway only makes ONNX Runtime print a load error, so say why here.
  if (provider === 'cuda' && !b.bundled && !cudaLibrariesPresent) {
    return 'CUDA libraries are not installed (onnxruntime-node was installed without its CUDA download); using the next provider';
  }
  return null;
}

export function label(p: ProviderName): string {
  return { cuda: 'CUDA', dml: 'DirectML', coreml: 'CoreML', cpu: 'CPU' }[p];
}
