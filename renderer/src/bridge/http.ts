// PairlightBridge over the loopback browser host, for when there is no Electron preload.
import { BridgeError, detailsField } from './errors';
import { events as eventSchemas, hostPaths, isEventName, mediaPath } from './types';
import type { CommandInput, CommandName, CommandOutput, EventName, EventPayload, PairlightBridge } from './types';

export interface HttpBridgeOptions {
  /** The page origin, e.g. http://127.0.0.1:5123. */
  origin: string;
  token: string;
  fetch?: typeof fetch;
  createSocket?: (url: string) => WebSocket;
  /** Reconnect delays grow from first to max; the host may be restarting. */
  reconnectDelayMs?: { first: number; max: number };
}

type InvokeReply<T> = { ok: true; result: T } | { ok: false; error: { code: string; message: string; details?: unknown } };
type Listener = (payload: unknown) => void;

export function tokenFromLocation(search: string): string | null {
  return new URLSearchParams(search).get('token');
}

export function createHttpBridge(options: HttpBridgeOptions): PairlightBridge {
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const listeners = new Map<string, Set<Listener>>();
  const events = new EventSocket(options, listeners);

  return {
    async invoke<C extends CommandName>(command: C, input: CommandInput<C>): Promise<CommandOutput<C>> {
      let response: Response;
      try {
        response = await doFetch(`${options.origin}${hostPaths.invoke}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${options.token}` },
          body: JSON.stringify({ command, input }),
        });
      } catch {
        throw new BridgeError('HOST_UNREACHABLE', 'Pairlight is not responding. Check that it is still running.');
      }
      let reply: InvokeReply<CommandOutput<C>>;
      try {
        reply = (await response.json()) as InvokeReply<CommandOutput<C>>;
      } catch {
        throw new BridgeError('HOST_BAD_REPLY', `Pairlight answered ${response.status} without a readable reply.`);
      }
      if (!reply.ok) throw new BridgeError(reply.error.code, reply.error.message, detailsField(reply.error.details));
      return reply.result;
    },

    on<E extends EventName>(event: E, cb: (payload: EventPayload<E>) => void): () => void {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      const listener = cb as Listener;
      set.add(listener);
      events.ensureOpen();
      return () => {
        set.delete(listener);
      };
    },

    mediaUrl(projectId: string, relPath: string): string {
      return `${options.origin}${hostPaths.media}/${mediaPath(projectId, relPath)}?token=${encodeURIComponent(options.token)}`;
    },
  };
}

/** One WebSocket shared by all listeners, opened on first subscription and reopened when it drops. */
class EventSocket {
  private socket: WebSocket | null = null;
  private delay: number;

  constructor(
    private readonly options: HttpBridgeOptions,
    private readonly listeners: Map<string, Set<Listener>>,
  ) {
    this.delay = options.reconnectDelayMs?.first ?? 500;
  }

  ensureOpen(): void {
    if (this.socket) return;
    const url = `${this.options.origin.replace(/^http/, 'ws')}${hostPaths.events}?token=${encodeURIComponent(this.options.token)}`;
    const socket = (this.options.createSocket ?? ((u) => new WebSocket(u)))(url);
    this.socket = socket;
    socket.onopen = () => {
      this.delay = this.options.reconnectDelayMs?.first ?? 500;
    };
    socket.onmessage = (message) => this.dispatch(message.data);
    socket.onclose = () => {
      this.socket = null;
      const max = this.options.reconnectDelayMs?.max ?? 5000;
      setTimeout(() => this.ensureOpen(), this.delay);
      this.delay = Math.min(this.delay * 2, max);
    };
  }

  private dispatch(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: { event?: unknown; payload?: unknown };
    try {
      message = JSON.parse(data) as { event?: unknown; payload?: unknown };
    } catch {
      return;
    }
    if (!isEventName(message.event)) return;
    // Same guarantee as the preload path: listeners only ever see payloads of the contract's shape.
    const parsed = eventSchemas[message.event].safeParse(message.payload);
    if (!parsed.success) return;
    for (const listener of this.listeners.get(message.event) ?? []) listener(parsed.data);
  }
}
