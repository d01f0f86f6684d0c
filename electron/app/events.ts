// The main side's event bus: services publish contract events here, each transport (IPC,
// WebSocket) subscribes once and forwards. Payloads are checked against the contract when
// published, so a transport never forwards a malformed event.
import { events, type EventName, type EventPayload } from '../contract';

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export class EventBus {
  private readonly listeners = new Set<EventListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = events[event].parse(payload) as EventPayload<E>;
    for (const listener of this.listeners) {
      try {
        listener(event, checked);
      } catch (error) {
        // A broken transport (closed socket, destroyed window) must not stop the others.
        console.error(`Pairlight: event listener failed for ${event}:`, error);
      }
    }
  }

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
