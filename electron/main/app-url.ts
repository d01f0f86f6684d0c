// Which URLs count as "our page": the gate for navigation and for IPC senders. Pure, so it is
// tested without Electron.

/** True for the built renderer's index.html (file://) or, in development, the dev server's origin. */
export function isAppUrl(url: string, devServerUrl: string | undefined, indexFile: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (devServerUrl) {
    try {
      return u.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  if (u.protocol !== 'file:' || u.host !== '') return false;
  // Windows paths come as /C:/…; compare with forward slashes.
  const expected = indexFile.replaceAll('\\', '/').replace(/^(?=[A-Za-z]:)/, '/');
  return decodeURIComponent(u.pathname) === expected;
}
