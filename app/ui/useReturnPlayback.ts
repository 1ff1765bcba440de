import { useEffect } from 'react';
import { useInbound, type InboundStore } from '../store';

/** While the reply is shown, it moves one hop back toward the client every so often, then stays. */
export function useReturnPlayback(store: InboundStore, msPerHop = 1600): void {
  const returnHop = useInbound((s) => s.returnHop);
  useEffect(() => {
    if (returnHop === null) return;
    const timer = window.setTimeout(() => store.getState().advanceReturn(), msPerHop);
    return () => window.clearTimeout(timer);
  }, [store, returnHop, msPerHop]);
}
