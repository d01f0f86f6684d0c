// Window hardening that applies to every web contents the app ever creates.
import { app, session, type WebContents } from 'electron';

export const RENDERER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data: pairlight-media:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

// The dev server injects an inline React-refresh preamble and talks to Vite over ws:; only
// `npm run dev` gets these two allowances, never a built app.
function policyFor(devServerUrl: string | undefined): string {
  if (!devServerUrl) return RENDERER_CSP;
  return RENDERER_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws:");
}

export function hardenSessions(devServerUrl: string | undefined): void {
  const ses = session.defaultSession;
  // No camera, microphone, notifications, geolocation… the app needs none of them.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Also sent as a header for the dev server; the built index.html carries the same policy in a meta tag.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policyFor(devServerUrl)] } });
  });
  // Nothing remote: any request that is not the app's own files, the dev server or the media
  // protocol is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const local = /^(file|pairlight-media|devtools|data|blob):/.test(details.url);
    const dev = devServerUrl !== undefined && (details.url.startsWith(new URL(devServerUrl).origin) || /^ws:\/\/(localhost|127\.0\.0\.1)[:/]/.test(details.url));
    callback({ cancel: !(local || dev) });
  });
}

export function hardenContents(isAllowed: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAllowed(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowed(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
