// Electron main: the only code that imports 'electron'. Everything it does beyond window
// plumbing is delegated to the Electron-free services in electron/app.
import { app, BrowserWindow, protocol } from 'electron';
import { fileURLToPath } from 'node:url';
import { mediaScheme } from '../contract';
import { defaultDataDir } from '../app/data-dir';
import { registerAppJobs } from '../app/jobs/registry';
import { mediaResponse } from '../app/media/media-response';
import { createServices, startBackground, type AppServices } from '../app/services';
import { bindIpc } from './ipc';
import { isAppUrl } from './app-url';
import { hardenContents, hardenSessions } from './security';

const preloadFile = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const indexFile = fileURLToPath(new URL('../renderer/index.html', import.meta.url));
const devServerUrl = process.env.ELECTRON_RENDERER_URL;
const allowed = (url: string) => isAppUrl(url, devServerUrl, indexFile);

app.setName('Pairlight');
// Must happen before 'ready': lets <img src="pairlight-media://…"> load under the CSP.
protocol.registerSchemesAsPrivileged([{ scheme: mediaScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

let services: AppServices | null = null;
let mainWindow: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: '#111114',
    title: 'Pairlight',
    webPreferences: {
      preload: preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(indexFile);
  return win;
}

async function boot(): Promise<void> {
  hardenSessions(devServerUrl);
  services = createServices({ dataDir: defaultDataDir() });
  registerAppJobs(services);
  if (!(await startBackground(services))) {
    console.warn('Pairlight: another process runs this library\'s jobs; this window shows them but does not run them.');
  }
  const projectsRoot = services.layout.projects;
  protocol.handle(mediaScheme, (request) => mediaResponse(projectsRoot, mediaScheme, request.url));
  bindIpc(services, allowed, () => BrowserWindow.getAllWindows());
  mainWindow = createWindow();
}

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first window instead of opening the library twice.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  hardenContents(allowed);
  app.whenReady().then(boot, (error) => {
    console.error('Pairlight could not start:', error);
    app.exit(1);
  });
  app.on('activate', () => {
    if (services && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closing = false;
  app.on('before-quit', (event) => {
    if (closing || !services) return;
    // Let running steps stop and the database close; interrupted jobs resume next launch.
    closing = true;
    event.preventDefault();
    void services.close().finally(() => app.quit());
  });
}
