import { useEffect } from 'react';
import { connectSync, type InboundStore } from '../store';
import { SINGLE_FILE } from './single-file';
import { browserTransport, noticingOthers } from './sync-transport';

/**
 * Joins this window to the others of the presentation (presenter view,
 * audience deck): it asks where they are as it opens, and again whenever it
 * is shown after being hidden, so a throttled or reloaded window catches up.
 * Call it after useHashSync, so the place in the URL is already applied.
 */
export function useSync(store: InboundStore): void {
  useEffect(() => {
    // The single-file copy notes whether any other window answers (presenter/SyncNote.tsx);
    // the served app has no need to, and carries none of it.
    const transport = SINGLE_FILE
      ? noticingOthers(browserTransport(), () =>
          // HEARD_OTHER_WINDOW (other-windows.ts), written out so the served app imports none of it.
          window.dispatchEvent(new Event('inbound:heard-other-window')),
        )
      : browserTransport();
    const link = connectSync(store, transport);
    link.hello();
    const wake = () => {
      if (document.visibilityState === 'visible') link.hello();
    };
    document.addEventListener('visibilitychange', wake);
    window.addEventListener('pageshow', wake);
    return () => {
      document.removeEventListener('visibilitychange', wake);
      window.removeEventListener('pageshow', wake);
      link.disconnect();
    };
  }, [store]);
}
