// Boots electron/main/index.ts against a recording stand-in for Electron (the real binary is
// not available to tests) and checks what the shell promises: one instance, a hardened
// window, the media protocol, IPC answering only our own page, navigation and popups refused.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

type Fn = (...args: any[]) => any;
const dataDir = mkdtempSync(join(tmpdir(), 'pairlight-main-'));
const recorded = vi.hoisted(() => ({
  appHandlers: new Map<string, Fn>(),
  privileged: [] as { scheme: string; privileges: Record<string, boolean> }[],
  protocolHandlers: new Map<string, Fn>(),
  ipcHandlers: new Map<string, Fn>(),
  windows: [] as { options: any; loaded: string | null; sent: unknown[][] }[],
  quit: 0,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    record: { options: any; loaded: string | null; sent: unknown[][] };
    webContents = { send: (...args: unknown[]) => this.record.sent.push(args) };
    constructor(options: any) {
      this.record = { options, loaded: null, sent: [] };
      recorded.windows.push(this.record);
    }
    static getAllWindows() {
      return instances;
    }
    once() {}
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    async loadFile(file: string) {
      this.record.loaded = file;
    }
    async loadURL(url: string) {
      this.record.loaded = url;
    }
  }
  const instances: BrowserWindow[] = [];
  const Recording = new Proxy(BrowserWindow, {
    construct(target, args) {
      const win = new target(...(args as [any]));
      instances.push(win);
      return win;
    },
  });
  return {
    app: {
      setName: () => {},
      requestSingleInstanceLock: () => true,
      on: (event: string, fn: Fn) => recorded.appHandlers.set(event, fn),
      whenReady: () => Promise.resolve(),
      quit: () => recorded.quit++,
      exit: () => {},
    },
    protocol: {
      registerSchemesAsPrivileged: (list: any[]) => recorded.privileged.push(...list),
      handle: (scheme: string, fn: Fn) => recorded.protocolHandlers.set(scheme, fn),
    },
    ipcMain: { handle: (channel: string, fn: Fn) => recorded.ipcHandlers.set(channel, fn), removeHandler: () => {} },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => {},
        setPermissionCheckHandler: () => {},
        webRequest: { onHeadersReceived: () => {}, onBeforeRequest: () => {} },
      },
    },
    BrowserWindow: Recording,
  };
});

let indexUrl: string;

beforeAll(async () => {
  process.env.PAIRLIGHT_DATA_DIR = dataDir;
  delete process.env.ELECTRON_RENDERER_URL;
  await import('../../../electron/main/index');
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1), { timeout: 10_000 });
  indexUrl = `file://${recorded.windows[0]!.loaded}`;
});

afterAll(async () => {
  // before-quit closes the services (queue, database) before letting the app quit.
  recorded.appHandlers.get('before-quit')!({ preventDefault: () => {} });
  await vi.waitFor(() => expect(recorded.quit).toBe(1));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Electron main', () => {
  it('opens one hardened window on the built renderer with the CommonJS preload', () => {
    const { options, loaded } = recorded.windows[0]!;
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(options.webPreferences.preload).toMatch(/preload[/\\]index\.cjs$/);
    expect(loaded).toMatch(/renderer[/\\]index\.html$/);
    expect(recorded.appHandlers.has('second-instance')).toBe(true);
  });

  it('registers the media scheme as privileged and serves project files through the guard', async () => {
    expect(recorded.privileged).toEqual([{ scheme: 'pairlight-media', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    mkdirSync(join(dataDir, 'projects', 'p1'), { recursive: true });
    writeFileSync(join(dataDir, 'projects', 'p1', 'cover.png'), 'png');
    writeFileSync(join(dataDir, 'secret.png'), 'secret');
    const handle = recorded.protocolHandlers.get('pairlight-media')!;
    expect((await handle({ url: 'pairlight-media://p1/cover.png' })).status).toBe(200);
    expect((await handle({ url: 'pairlight-media://p1/%2e%2e/%2e%2e/secret.png' })).status).toBe(403);
  });

  it('answers contract commands from our page only, and pushes events to the window', async () => {
    const invoke = recorded.ipcHandlers.get('pairlight:invoke')!;
    const ours = { senderFrame: { url: indexUrl } };
    const created = await invoke(ours, 'projects.create', { name: 'From IPC', kind: 'baby' });
    expect(created).toMatchObject({ ok: true, result: { name: 'From IPC' } });
    expect(recorded.windows[0]!.sent).toContainEqual(['pairlight:event', 'projects.changed', {}]);
    expect(await invoke(ours, 'projects.create', { name: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await invoke({ senderFrame: { url: 'https://evil.example/' } }, 'projects.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await invoke({ senderFrame: null }, 'projects.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('blocks navigation away from the app, webviews and window.open in every web contents', () => {
    const handlers = new Map<string, Fn>();
    let openHandler: Fn | null = null;
    const contents = { on: (event: string, fn: Fn) => handlers.set(event, fn), setWindowOpenHandler: (fn: Fn) => (openHandler = fn) };
    recorded.appHandlers.get('web-contents-created')!({}, contents);

    const navigate = (url: string) => {
      let prevented = false;
      handlers.get('will-navigate')!({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate(indexUrl)).toBe(false);
    let webviewPrevented = false;
    handlers.get('will-attach-webview')!({ preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
    expect(openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});
