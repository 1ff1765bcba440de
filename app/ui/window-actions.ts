import { exploreHashFor, formatHash, noReplyReason } from '../deck';
import { selectLocation, selectScene, selectTrace, type InboundState } from '../store';

/** Fullscreen on or off for the whole page; where the browser refuses, says so. */
export function toggleFullscreen(say: (message: string) => void): void {
  const fail = () => say('This browser did not allow fullscreen here; try F11.');
  try {
    const done = document.fullscreenElement
      ? document.exitFullscreen()
      : document.documentElement.requestFullscreen();
    done.catch(fail);
  } catch {
    fail();
  }
}

/** The same deck position in another view (`?view=presenter`) or back in the deck (no view). */
export function urlForView(view: 'presenter' | null): string {
  const url = new URL(window.location.href);
  if (view) url.searchParams.set('view', view);
  else url.searchParams.delete('view');
  return url.toString();
}

/**
 * Opens the other window of a presentation (the presenter view from the deck,
 * the audience deck from the presenter view). Named windows are reused, so
 * pressing S twice does not open two.
 */
export function openOtherWindow(view: 'presenter' | null, say: (message: string) => void): void {
  const opened = window.open(
    urlForView(view),
    view ? 'inbound-presenter' : 'inbound-audience',
    'popup,width=1280,height=800',
  );
  if (!opened)
    say('The browser blocked the new window; allow pop-ups for this page and press S again.');
}

/**
 * R: plays the reply, or hides it. Where there is none (a dropped packet, a
 * slide without one packet on its way), says so and why, as passing news,
 * instead of doing nothing.
 */
export function toggleReply(s: InboundState): void {
  if (s.returnHop === null) {
    const why = noReplyReason(selectScene(s), selectTrace(s));
    if (why) return s.showNotice(why, 'news');
  }
  s.toggleReturn();
}

/**
 * X: opens the explorer on this slide's cluster, mode, policy and Service. In
 * the deck it takes the same window (Back or Esc returns to the slide); from
 * the presenter view it opens a window of its own, so the talk keeps going.
 */
export function openExplorer(s: InboundState): void {
  const location = selectLocation(s);
  const hash = exploreHashFor(location);
  const url = new URL(window.location.href);
  if (!url.searchParams.has('view')) {
    // The entry remembers the slide, so the explorer's Esc can go back to it.
    window.history.pushState({ inboundFrom: formatHash(location) }, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    return;
  }
  url.searchParams.delete('view');
  url.hash = hash;
  if (!window.open(url.toString(), 'inbound-explorer'))
    s.showNotice(
      'The browser blocked the new window; allow pop-ups for this page and press X again.',
    );
}
