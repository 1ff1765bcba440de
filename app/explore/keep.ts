import type { ExplorerDoc } from './doc';
import { encodeDoc } from './link';
import { browserStorage, saveLink } from './saved';
import { docToJson, readDoc } from './topology-json';

// Where the explorer's doc is kept while it is being edited: in the page's URL
// (so the address bar is always a link to the screen) and in this browser (so the
// next visit opens with it).

/** A link, made once per doc: the URL, storage and the panel share it. */
const links = new WeakMap<ExplorerDoc, string>();

/** encodeDoc(doc), remembered for as long as the doc is. */
export function linkOf(doc: ExplorerDoc): string {
  let link = links.get(doc);
  if (link === undefined) {
    link = encodeDoc(doc);
    links.set(doc, link);
  }
  return link;
}

/** The explorer's hash for a link, keeping any other setting the hash has. */
export function explorerHash(link: string, hash = ''): string {
  const q = hash.indexOf('?');
  const params = new URLSearchParams(q >= 0 ? hash.slice(q + 1) : '');
  params.delete('s');
  const rest = params.toString();
  return `#/explore?s=${link}${rest ? `&${rest}` : ''}`;
}

/** The whole address of the explorer showing `link`, to send to someone (on the tab in view). */
export function shareUrl(link: string, href: string): string {
  const hash = href.includes('#') ? href.slice(href.indexOf('#')) : '';
  const q = hash.indexOf('?');
  const tab = q < 0 ? null : new URLSearchParams(hash.slice(q + 1)).get('tab');
  // Not the sharing tab itself: the colleague wants what was being looked at before it.
  const onTab = tab && tab !== 'share' && /^[a-z]{1,12}$/.test(tab) ? `&tab=${tab}` : '';
  return `${href.split('#')[0] ?? ''}#/explore?s=${link}${onTab}`;
}

/**
 * Why a doc cannot be kept as it is (the reader of links would refuse it), or
 * null when it can. Such a doc stays on screen; the link and the kept copy stay
 * at the last one that could be read back.
 */
export function keepRefusal(doc: ExplorerDoc): string | null {
  const back = readDoc(docToJson(doc));
  return back.ok ? null : back.error;
}

/**
 * Writes the doc into the URL (replacing the history entry: an edit is not a
 * page to go back to) and, when `save`, into storage. Returns what went wrong,
 * or null.
 */
export function keepDoc(
  doc: ExplorerDoc,
  win: Pick<Window, 'location' | 'history'> = window,
  storage = browserStorage(),
  save = true,
): string | null {
  const refusal = keepRefusal(doc);
  if (refusal)
    return `This cluster cannot be kept or linked until this is fixed: ${refusal}. The link and the kept copy hold the last cluster that could be.`;
  const link = linkOf(doc);
  // Only while the explorer is still the page: never over the deck's own hash.
  if (win.location.hash.startsWith('#/explore')) {
    try {
      win.history.replaceState(win.history.state, '', explorerHash(link, win.location.hash));
    } catch {
      // A URL too long for this browser: drop the link so a reload opens the kept copy.
      try {
        win.history.replaceState(win.history.state, '', '#/explore');
      } catch {
        // The address bar keeps what it had.
      }
    }
  }
  return save ? saveLink(link, storage) : null;
}
