import { useEffect } from 'react';
import { formatHash, parseHash, SLIDE_COUNT } from '../deck';
import { selectLocation, selectSlide, type InboundStore } from '../store';

/**
 * Keeps the URL hash and the deck in agreement, both ways. Moving through the
 * deck or flipping a switch adds a history entry (so Back undoes it exactly);
 * the reply's automatic hops only replace the current one. A bad hash lands on
 * the nearest valid place and says why.
 */
export function useHashSync(store: InboundStore): void {
  useEffect(() => {
    let applying = false;
    const fromUrl = () => {
      const { location, problems } = parseHash(window.location.hash);
      applying = true;
      store.getState().applyLocation(location);
      applying = false;
      const normal = formatHash(selectLocation(store.getState()));
      if (problems.length > 0) {
        store.getState().showNotice(problems.join(' '));
      }
      if (window.location.hash !== normal) window.history.replaceState(null, '', normal);
      document.title = titleFor(store);
    };
    fromUrl();
    const unsubscribe = store.subscribe((state, prev) => {
      const next = selectLocation(state);
      const before = selectLocation(prev);
      if (JSON.stringify(next) === JSON.stringify(before)) return;
      document.title = titleFor(store);
      if (applying) return;
      const hash = formatHash(next);
      if (hash === window.location.hash) return;
      const onlyReplyMoved =
        next.slide === before.slide &&
        next.step === before.step &&
        next.returnHop !== null &&
        before.returnHop !== null;
      if (onlyReplyMoved) window.history.replaceState(null, '', hash);
      else window.history.pushState(null, '', hash);
    });
    window.addEventListener('popstate', fromUrl);
    window.addEventListener('hashchange', fromUrl);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', fromUrl);
      window.removeEventListener('hashchange', fromUrl);
    };
  }, [store]);
}

function titleFor(store: InboundStore): string {
  const s = store.getState();
  return `${s.slide} / ${SLIDE_COUNT} · ${selectSlide(s).title.slice(0, 60)} · Inbound`;
}
