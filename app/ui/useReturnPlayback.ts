import { useEffect } from 'react';
import { useInbound, type InboundStore } from '../store';

/**
 * While the reply plays (after R in this window), it moves one hop back
 * toward the client every so often, then stays. A reply stepped by hand, or
 * opened from a link, holds its hop.
 */
export function useReturnPlayback(store: InboundStore, msPerHop = 1600): void {
  const returnHop = useInbound((s) => s.returnHop);
  const playing = useInbound((s) => s.replyPlaying);
  useEffect(() => {
    if (returnHop === null || !playing) return;
    const timer = window.setTimeout(() => store.getState().advanceReturn(), msPerHop);
    return () => window.clearTimeout(timer);
  }, [store, returnHop, playing, msPerHop]);
}
