import { useEffect, useRef } from 'react';
import { basicAuth, type Credentials } from '../api/http';

export interface PlatformEvent {
  subject: string;
  payload: unknown;
}
type Listener = (event: PlatformEvent) => void;

const listeners = new Set<Listener>();

/** Parses server-sent-event frames from a text buffer; returns the frames and the unfinished rest. */
export function parseFrames(buffer: string): { events: PlatformEvent[]; rest: string } {
  const events: PlatformEvent[] = [];
  const frames = buffer.split('\n\n');
  const rest = frames.pop() ?? '';
  for (const frame of frames) {
    const data = frame
      .split('\n')
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).trim())
      .join('\n');
    if (!data) continue;
    try {
      events.push(JSON.parse(data) as PlatformEvent);
    } catch {
      // a malformed frame is skipped, the stream goes on
    }
  }
  return { events, rest };
}

/**
 * One stream per tab from the console server's /api/events, read with fetch because EventSource
 * cannot send the Basic credentials; reconnects with back-off. Returns a stop function.
 */
export function connectPlatformEvents(credentials: Credentials, onState?: (live: boolean) => void): () => void {
  let stopped = false;
  let controller: AbortController | undefined;
  let delay = 1000;
  const run = async () => {
    while (!stopped) {
      controller = new AbortController();
      try {
        const response = await fetch('/api/events', {
          headers: { authorization: basicAuth(credentials), accept: 'text/event-stream' },
          signal: controller.signal,
          credentials: 'omit',
        });
        if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
        onState?.(true);
        delay = 1000;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const parsed = parseFrames(buffer + value);
          buffer = parsed.rest;
          for (const event of parsed.events) for (const listener of listeners) listener(event);
        }
      } catch {
        // reconnect below
      }
      onState?.(false);
      if (stopped) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30_000);
    }
  };
  void run();
  return () => {
    stopped = true;
    controller?.abort();
  };
}

/** Calls `onEvent` (throttled) for every platform event whose subject starts with one of `prefixes`. */
export function usePlatformEvents(prefixes: string[], onEvent: () => void, throttleMs = 500): void {
  const callback = useRef(onEvent);
  callback.current = onEvent;
  const key = prefixes.join('|');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener: Listener = (event) => {
      if (!key.split('|').some((prefix) => event.subject.startsWith(prefix))) return;
      if (timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        callback.current();
      }, throttleMs);
    };
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (timer) clearTimeout(timer);
    };
  }, [key, throttleMs]);
}
