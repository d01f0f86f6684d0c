// Binds the contract to Electron IPC: one invoke channel, one event channel. The dispatcher
// validates names and inputs; this layer only checks that the caller is our own page.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { PairlightError } from '../contract';
import { invokeCommand } from '../app/dispatch';
import type { AppServices } from '../app/services';

export const INVOKE_CHANNEL = 'pairlight:invoke';
export const EVENT_CHANNEL = 'pairlight:event';

export function bindIpc(services: AppServices, isAppUrl: (url: string) => boolean, windows: () => BrowserWindow[]): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, command: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? '';
    if (!isAppUrl(frameUrl)) {
      return { ok: false, error: new PairlightError('UNAUTHORIZED', 'This page may not use Pairlight commands.').toJSON() };
    }
    return invokeCommand(services, command, input);
  });
  const unsubscribe = services.events.subscribe((event, payload) => {
    for (const win of windows()) if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, event, payload);
  });
  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    unsubscribe();
  };
}
