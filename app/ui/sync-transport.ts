import { readSyncMessage, type SyncMessage, type SyncTransport } from '../store';
import { KEYS } from './storage';

const CHANNEL = 'inbound-presenting';

/**
 * Messages between windows of this browser: a BroadcastChannel, or where there
 * is none, localStorage writes, which other windows hear as storage events.
 */
export function browserTransport(): SyncTransport {
  if (typeof BroadcastChannel === 'function') {
    const channel = new BroadcastChannel(CHANNEL);
    return {
      post: (m) => channel.postMessage(m),
      listen: (fn) => {
        const on = (e: MessageEvent) => {
          const m = readSyncMessage(e.data);
          if (m) fn(m);
        };
        channel.addEventListener('message', on);
        return () => channel.removeEventListener('message', on);
      },
      close: () => channel.close(),
    };
  }
  return storageTransport();
}

/** The fallback: each message is written to one key (with a nonce, so repeats still fire). */
export function storageTransport(): SyncTransport {
  let nonce = 0;
  return {
    post: (m: SyncMessage) => {
      try {
        window.localStorage.setItem(
          KEYS.sync,
          JSON.stringify({ m, n: `${Date.now()}-${nonce++}` }),
        );
      } catch {
        // Without storage there is no fallback: each window presents on its own.
      }
    },
    listen: (fn) => {
      const on = (e: StorageEvent) => {
        if (e.key !== KEYS.sync || !e.newValue) return;
        try {
          const m = readSyncMessage((JSON.parse(e.newValue) as { m?: unknown }).m);
          if (m) fn(m);
        } catch {
          // Not ours, or cut short: ignore it.
        }
      };
      window.addEventListener('storage', on);
      return () => window.removeEventListener('storage', on);
    },
    close: () => {},
  };
}

/**
 * The same transport, calling `onHeard` whenever a message from another window
 * arrives (a window never hears its own: neither a BroadcastChannel nor a
 * storage event comes back to the window that sent it), so a window can tell
 * whether it is joined to any other at all.
 */
export function noticingOthers(transport: SyncTransport, onHeard: () => void): SyncTransport {
  return {
    ...transport,
    listen: (fn) =>
      transport.listen((m) => {
        onHeard();
        fn(m);
      }),
  };
}
