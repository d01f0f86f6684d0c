// The renderer's only door: window.pairlight, exactly the contract's commands and events.
// Names are checked here as well as in main, so a compromised page cannot even put an
// unknown channel on the wire. Runs sandboxed: no Node, only 'electron' and bundled code.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  isCommandName,
  isEventName,
  mediaPath,
  mediaScheme,
  type CommandName,
  type EventName,
  type InvokeResponse,
  type PairlightBridge,
  type PairlightErrorData,
} from '../contract';

const INVOKE_CHANNEL = 'pairlight:invoke';
const EVENT_CHANNEL = 'pairlight:event';

// Rejections carry a plain {code, message, details?} object: the context bridge copies plain
// objects, while an Error would lose its code on the way to the page. `details` (plain data,
// e.g. the field a theme error names) is passed on when the main side sends it.
function rejection(code: PairlightErrorData['code'], message: string, details?: unknown): PairlightErrorData {
  return details === undefined ? { code, message } : { code, message, details };
}

const bridge: PairlightBridge = {
  async invoke(command, input) {
    if (!isCommandName(command)) throw rejection('UNKNOWN_COMMAND', `Pairlight has no command called "${String(command)}".`);
    const reply = (await ipcRenderer.invoke(INVOKE_CHANNEL, command as CommandName, input)) as InvokeResponse;
    if (reply.ok) return reply.result as never;
    throw rejection(reply.error.code, reply.error.message, reply.error.details);
  },
  on(event, cb) {
    if (!isEventName(event)) throw rejection('VALIDATION', `Pairlight has no event called "${String(event)}".`);
    const listener = (_e: IpcRendererEvent, name: EventName, payload: unknown) => {
      if (name === event) cb(payload as never);
    };
    ipcRenderer.on(EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener);
    };
  },
  mediaUrl(projectId, relPath) {
    return `${mediaScheme}://${mediaPath(projectId, relPath)}`;
  },
};

contextBridge.exposeInMainWorld('pairlight', bridge);
