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

export function hardenSessions(): void {
  const ses = session.defaultSession;
  // No camera, microphone, notifications, geolocation… the app needs none of them.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  // Also sent as a header for the dev server; the built index.html carries the same policy in a meta tag.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [RENDERER_CSP] } });
  });
  // Nothing remote: any request that is not the app's own files, the dev server or the media
  // protocol is cancelled.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = /^(file|pairlight-media|devtools|data|blob):/.test(details.url) || (process.env.ELECTRON_RENDERER_URL !== undefined && details.url.startsWith(process.env.ELECTRON_RENDERER_URL)) || details.url.startsWith('ws://localhost');
    callback({ cancel: !allowed });
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
