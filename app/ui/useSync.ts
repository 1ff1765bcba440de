import { useEffect } from 'react';
import { connectSync, type InboundStore } from '../store';
import { browserTransport } from './sync-transport';

/**
 * Joins this window to the others of the presentation (presenter view,
 * audience deck): it asks where they are as it opens, and again whenever it
 * is shown after being hidden, so a throttled or reloaded window catches up.
 * Call it after useHashSync, so the place in the URL is already applied.
 */
export function useSync(store: InboundStore): void {
  useEffect(() => {
    const link = connectSync(store, browserTransport());
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
