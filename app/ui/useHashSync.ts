import { useEffect } from 'react';
import { shallow } from 'zustand/shallow';
import { formatHash, isExplorerHash, parseHash, placeLabel } from '../deck';
import { selectLocation, selectStepTitle, type InboundStore } from '../store';

/**
 * Keeps the URL hash and the deck in agreement, both ways. Moving through the
 * deck or flipping a switch adds a history entry (so Back undoes it exactly);
 * the reply's automatic hops only replace the current one. A bad hash lands on
 * the nearest valid place and says why; the message goes once the link is
 * mended (the deck may not move: `#/27/x` then `#/27?etp=Local`).
 *
 * History and title are written just after the frame that shows the step is
 * painted: pushState costs milliseconds that a key press should not wait for.
 * Steps taken faster than one frame share a history entry.
 */
export function useHashSync(store: InboundStore, titlePrefix = ''): void {
  useEffect(() => {
    let applying = false;
    let pending: { replace: boolean } | null = null;
    // The count of the message about the link (see the notice slice), while it may be up.
    let linkNotice = -1;

    const fromUrl = () => {
      // The explorer's own link: the app switches views, the deck keeps its place.
      if (isExplorerHash(window.location.hash)) return;
      const { location, problems } = parseHash(window.location.hash);
      applying = true;
      store.getState().applyLocation(location);
      applying = false;
      pending = null;
      const s = store.getState();
      if (problems.length > 0) {
        s.showNotice(problems.join(' '));
        linkNotice = store.getState().noticeSeq;
      } else if (s.notice !== null && s.noticeSeq === linkNotice) s.dismissNotice();
      const normal = formatHash(selectLocation(store.getState()));
      if (window.location.hash !== normal) window.history.replaceState(null, '', normal);
      document.title = titleFor(store, titlePrefix);
    };

    const write = () => {
      if (!pending) return;
      const { replace } = pending;
      pending = null;
      document.title = titleFor(store, titlePrefix);
      const hash = formatHash(selectLocation(store.getState()));
      if (hash === window.location.hash) return;
      if (replace) window.history.replaceState(null, '', hash);
      else window.history.pushState(null, '', hash);
    };

    fromUrl();
    const unsubscribe = store.subscribe((state, prev) => {
      const next = selectLocation(state);
      const before = selectLocation(prev);
      if (applying || shallow(next, before)) return;
      // The reply playing by itself replaces the entry; a hop stepped by hand adds one.
      const onlyReplyMoved =
        state.replyPlaying &&
        next.slide === before.slide &&
        next.step === before.step &&
        next.returnHop !== null &&
        before.returnHop !== null;
      if (pending) pending.replace &&= onlyReplyMoved;
      else {
        pending = { replace: onlyReplyMoved };
        requestAnimationFrame(() => setTimeout(write, 0));
      }
    });
    window.addEventListener('popstate', fromUrl);
    window.addEventListener('hashchange', fromUrl);
    return () => {
      unsubscribe();
      window.removeEventListener('popstate', fromUrl);
      window.removeEventListener('hashchange', fromUrl);
    };
  }, [store, titlePrefix]);
}

function titleFor(store: InboundStore, prefix: string): string {
  const s = store.getState();
  const step = s.step > 0 ? ` · step ${s.step}` : '';
  return `${prefix ? `${prefix} · ` : ''}${placeLabel(s.slide)}${step} · ${selectStepTitle(s).slice(0, 60)} · Inbound`;
}
