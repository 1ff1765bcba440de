import { useEffect } from 'react';
import { formatHash, parseHash } from '../deck';
import { selectLocation, type InboundStore } from '../store';

/**
 * The frame's URL hash and its place agree, as in the deck, with one
 * difference: the hash is only ever replaced. A frame's history entries join
 * the host page's, and the host's Back button must not step the demo.
 */
export function useEmbedHash(store: InboundStore, linkProblems: readonly string[] = []): void {
  useEffect(() => {
    // What else was wrong with the frame's link (its origins) is said once, with the hash's own.
    let also = linkProblems;
    const fromUrl = () => {
      const { location, problems } = parseHash(window.location.hash);
      store.getState().applyLocation(location);
      const all = [...also, ...problems];
      also = [];
      if (all.length > 0) store.getState().showNotice(all.join(' '));
    };
    let timer = 0;
    const write = () => {
      timer = 0;
      const hash = formatHash(selectLocation(store.getState()));
      if (hash !== window.location.hash) window.history.replaceState(null, '', hash);
    };
    const unsubscribe = store.subscribe(() => {
      if (!timer) timer = window.setTimeout(write, 100);
    });
    // The link may be bad (`#/999`): the frame lands on the nearest place and says so.
    fromUrl();
    window.addEventListener('hashchange', fromUrl);
    return () => {
      unsubscribe();
      window.clearTimeout(timer);
      window.removeEventListener('hashchange', fromUrl);
    };
  }, [store, linkProblems]);
}
