import { useEffect, useRef, useState } from 'react';
import { inboxStreamTicket } from '../../api/tasks.api';

/** The message of an `event: task` frame (ADR 0022): no personal data, the page reloads through the API. */
export interface InboxEventMessage {
  kind: 'created' | 'claimed' | 'unclaimed' | 'assigned' | 'completed';
  taskId: string;
  at: number;
}

/** Waits before the n-th reconnection: 1 s, 2 s, 4 s … up to 30 s, with jitter so a restarted server is not stormed. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5)) * (0.75 + Math.random() * 0.5);
}

/**
 * Opens the inbox's server-sent event stream while the page is open and calls `onEvent` for each
 * step that changed; `onReconnected` after a break (events may have been missed: reload). An
 * `EventSource` cannot send the bearer token, so each connection first asks for a single-use
 * ticket; on an error or when the server ends the stream (`expired`) it asks again, with backoff.
 * Closed when the page unmounts (leaving the inbox, logging out).
 */
export function useInboxEvents(
  onEvent: (event: InboxEventMessage) => void,
  onReconnected: () => void,
): { connected: boolean } {
  const [connected, setConnected] = useState(false);
  const handlers = useRef({ onEvent, onReconnected });
  handlers.current = { onEvent, onReconnected };

  useEffect(() => {
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let everOpened = false;
    let stopped = false;

    const retry = (delay: number) => {
      source?.close();
      source = undefined;
      setConnected(false);
      if (!stopped) timer = setTimeout(() => void connect(), delay);
    };

    const connect = async () => {
      let ticket: string;
      try {
        ticket = (await inboxStreamTicket()).ticket;
      } catch {
        return retry(reconnectDelayMs(attempt++));
      }
      if (stopped) return;
      const opened = new EventSource(`/api/inbox/events?ticket=${encodeURIComponent(ticket)}`);
      source = opened;
      opened.addEventListener('ready', () => {
        setConnected(true);
        if (everOpened) handlers.current.onReconnected();
        everOpened = true;
        attempt = 0;
      });
      opened.addEventListener('task', (frame) => {
        try {
          handlers.current.onEvent(JSON.parse((frame as MessageEvent<string>).data) as InboxEventMessage);
        } catch {
          // not one of ours: ignored
        }
      });
      // The server ends the stream at the token's expiry or after 15 minutes: ask for a new ticket now.
      opened.addEventListener('expired', () => retry(0));
      // A used ticket cannot reopen the stream, so EventSource's own retry would fail: a new ticket instead.
      opened.onerror = () => retry(reconnectDelayMs(attempt++));
    };

    void connect();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      source?.close();
    };
  }, []);

  return { connected };
}
