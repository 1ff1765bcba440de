import { useSyncExternalStore } from 'react';

/**
 * Fired on `window` by the single-file copy's sync (useSync.ts) when a message
 * from another window arrives. useSync writes the name out rather than import
 * it from here: the served app's first load then carries none of this module
 * (a test holds the two to the same name).
 */
export const HEARD_OTHER_WINDOW = 'inbound:heard-other-window';

// Whether this window has heard from another window of the presentation. Only the
// single-file copy keeps count: opened from a file, some browsers keep every window to
// itself, and the presenter view says so (presenter/SyncNote.tsx). One fact about this
// window, so it lives with the window.
let heard = false;
const listeners = new Set<() => void>();

if (typeof window !== 'undefined')
  window.addEventListener(
    HEARD_OTHER_WINDOW,
    () => {
      heard = true;
      for (const listener of [...listeners]) listener();
    },
    { once: true },
  );

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Whether another window has been heard from since this one opened (re-renders when it is). */
export const useHeardOtherWindow = (): boolean =>
  useSyncExternalStore(
    subscribe,
    () => heard,
    () => false,
  );
